package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a job's task role may never be granted, whatever the permissions boundary says
 * (documented in docs/manifest.md, "Permission guardrails"). Applies to Allow statements:
 * <ul>
 *   <li>{@code *}, {@code *:*} or any action whose service part is a wildcard</li>
 *   <li>any {@code iam:} action with a wildcard, and every IAM action that is not a read
 *       ({@code Get*}, {@code List*}): PassRole, Create*, Put*, Attach*, Update*, Delete*, ...</li>
 *   <li>{@code sts:AssumeRole*} (or an sts wildcard covering it) on a resource with a wildcard
 *       ({@code *}, {@code arn:aws:iam::*:role/*}, {@code ...:role/team-*}): a wildcard can reach a
 *       role with more permissions than the job's</li>
 *   <li>any {@code organizations:} action with a wildcard or that is not a read (Describe*, List*)</li>
 *   <li>with the instance known, any non-read action on the instance's own resources
 *       ({@link OwnResourceGuardrail}), and any non-read S3 action that can reach the buckets
 *       jobform keeps its manifests and state in ({@link OwnBucketGuardrail})</li>
 * </ul>
 */
final class PermissionGuardrails {

    private static final Pattern ACTION = Pattern.compile("^([a-z0-9-]+|\\*):[A-Za-z0-9*?]+$");

    private PermissionGuardrails() {}

    static void check(JsonNode permissions, Findings findings) {
        check(permissions, Optional.empty(), List.of(), findings);
    }

    /**
     * @param instance when known, Allow statements may not reach that instance's own resources
     * @param buckets  where the instance keeps its manifests and state (empty when not known)
     */
    static void check(JsonNode permissions, Optional<String> instance, List<OwnBucket> buckets, Findings findings) {
        for (int i = 0; i < permissions.size(); i++) {
            JsonNode statement = permissions.get(i);
            String base = "/spec/permissions/" + i;
            boolean allow = !"Deny".equals(statement.path("effect").asText("Allow"));
            Optional<String> wildcardResource = Optional.empty();
            JsonNode resources = statement.path("resources");
            for (int r = 0; r < resources.size(); r++) {
                String resource = resources.get(r).asText();
                if (wildcardResource.isEmpty() && (resource.contains("*") || resource.contains("?"))) {
                    wildcardResource = Optional.of(resource);
                }
                if (!resource.equals("*") && !resource.startsWith("arn:")) {
                    findings.error(base + "/resources/" + r, "'" + resource + "' is not a resource ARN (or *)");
                }
            }
            JsonNode actions = statement.path("actions");
            for (int a = 0; a < actions.size(); a++) {
                String action = actions.get(a).asText();
                String pointer = base + "/actions/" + a;
                if (action.equals("*")) {
                    findings.error(pointer, "action '*' grants every AWS action; name the actions the job needs");
                    continue;
                }
                if (!ACTION.matcher(action).matches()) {
                    findings.error(pointer, "'" + action + "' is not an IAM action (service:Action, e.g. s3:GetObject)");
                    continue;
                }
                if (allow) {
                    List<String> patterns = OwnResourceGuardrail.texts(resources);
                    Optional<String> refused = denied(action, wildcardResource).or(() -> instance.flatMap(
                            name -> OwnResourceGuardrail.refused(action, patterns, name)))
                            .or(() -> OwnBucketGuardrail.refused(action, patterns, buckets));
                    refused.ifPresent(message -> findings.error(pointer, message));
                }
            }
        }
    }

    /** Why an allowed action is refused, if it is. */
    static Optional<String> denied(String action, Optional<String> wildcardResource) {
        String lower = action.toLowerCase(Locale.ROOT);
        String service = lower.substring(0, lower.indexOf(':'));
        String name = lower.substring(lower.indexOf(':') + 1);
        boolean wildcard = name.contains("*") || name.contains("?");
        if (service.equals("*")) {
            return Optional.of("action '" + action + "' has a wildcard service; name the service");
        }
        if (service.equals("iam") && (wildcard || !(name.startsWith("get") || name.startsWith("list")))) {
            return Optional.of("action '" + action + "' is refused: IAM wildcards and IAM write actions (PassRole, "
                    + "Create*, Put*, Attach*, ...) would let a job escalate its own privileges");
        }
        if (service.equals("sts") && wildcardResource.isPresent() && coversAssumeRole(name)) {
            return Optional.of("action '" + action + "' on resource '" + wildcardResource.get() + "' is refused: name "
                    + "the roles the job may assume, without wildcards (a wildcard can reach a role with more permissions)");
        }
        if (service.equals("organizations") && (wildcard || !(name.startsWith("describe") || name.startsWith("list")))) {
            return Optional.of("action '" + action + "' is refused: jobs may only read AWS Organizations");
        }
        return Optional.empty();
    }

    /** Whether the action pattern (IAM wildcards, lower case) covers one of the AssumeRole actions. */
    private static boolean coversAssumeRole(String pattern) {
        String regex = pattern.replace("*", ".*").replace("?", ".");
        return java.util.stream.Stream.of("assumerole", "assumerolewithsaml", "assumerolewithwebidentity")
                .anyMatch(n -> n.matches(regex));
    }
}
