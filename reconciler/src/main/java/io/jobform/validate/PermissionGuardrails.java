package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
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
 *   <li>{@code sts:AssumeRole*} (or an sts wildcard covering it) on resource {@code *}</li>
 *   <li>any {@code organizations:} action with a wildcard or that is not a read (Describe*, List*)</li>
 *   <li>with the instance known, any non-read action on the instance's own resources
 *       ({@link OwnResourceGuardrail})</li>
 * </ul>
 */
final class PermissionGuardrails {

    private static final Pattern ACTION = Pattern.compile("^([a-z0-9-]+|\\*):[A-Za-z0-9*?]+$");

    private PermissionGuardrails() {}

    static void check(JsonNode permissions, Findings findings) {
        check(permissions, Optional.empty(), findings);
    }

    /** @param instance when known, Allow statements may not reach that instance's own resources */
    static void check(JsonNode permissions, Optional<String> instance, Findings findings) {
        for (int i = 0; i < permissions.size(); i++) {
            JsonNode statement = permissions.get(i);
            String base = "/spec/permissions/" + i;
            boolean allow = !"Deny".equals(statement.path("effect").asText("Allow"));
            boolean anyResource = false;
            JsonNode resources = statement.path("resources");
            for (int r = 0; r < resources.size(); r++) {
                String resource = resources.get(r).asText();
                anyResource |= resource.equals("*");
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
                    Optional<String> refused = denied(action, anyResource).or(() -> instance.flatMap(
                            name -> OwnResourceGuardrail.refused(action, OwnResourceGuardrail.texts(resources), name)));
                    refused.ifPresent(message -> findings.error(pointer, message));
                }
            }
        }
    }

    /** Why an allowed action is refused, if it is. */
    static Optional<String> denied(String action, boolean anyResource) {
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
        if (service.equals("sts") && anyResource && coversAssumeRole(name)) {
            return Optional.of("action '" + action + "' on resource '*' is refused: name the roles the job may assume");
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
