package io.jobform.render.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lints IAM policy documents as JSON (so it serves rendered roles and templates alike): policy
 * grammar (IAM JSON policy elements reference), no {@code *} or {@code service:*} action, no
 * {@code *} resource except for actions AWS documents as supporting no resource-level
 * permission in the way jobform uses them, {@code iam:PassRole} always conditioned on
 * {@code iam:PassedToService}, trust policies restricted by {@code aws:SourceAccount}.
 * Findings read {@code <where>: Statement[i]: <problem>}; an empty list means the policy passed.
 */
public final class IamPolicyLint {

    /**
     * Actions allowed on {@code "*"}: ecs:StopTask/ecs:DescribeTasks (Step Functions "IAM policies
     * for Amazon ECS/AWS Fargate": the task ID is unknown before RunTask) and
     * ecr:GetAuthorizationToken (ECR supports no resource-level permission for it).
     */
    public static final Set<String> STAR_RESOURCE_ACTIONS =
            Set.of("ecs:StopTask", "ecs:DescribeTasks", "ecr:GetAuthorizationToken");

    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Principal", "Action", "NotAction", "Resource", "Condition");
    private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+:[A-Za-z0-9]+\\*?$");
    private static final Pattern ARN = Pattern.compile("^arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+$");

    private IamPolicyLint() {}

    /** An identity policy (inline policy of a role). */
    public static List<String> lintPermissions(String where, JsonNode policy) {
        List<String> findings = new ArrayList<>();
        List<JsonNode> statements = grammar(where, policy, findings);
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = where + ": Statement[" + i + "]";
            if (s.has("Principal")) {
                findings.add(at + ": Principal belongs in trust policies only");
            }
            List<String> actions = new ArrayList<>(strings(s.path("Action")));
            actions.addAll(strings(s.path("NotAction"))); // checked for form alike; grammar() limits NotAction to Deny
            List<String> resources = strings(s.path("Resource"));
            if (resources.isEmpty()) {
                findings.add(at + ": no Resource");
            }
            boolean allow = "Allow".equals(s.path("Effect").asText());
            for (String action : actions) {
                if (action.equals("*") || action.endsWith(":*")) {
                    findings.add(at + ": wildcard action '" + action + "'");
                } else if (!ACTION.matcher(action).matches()) {
                    findings.add(at + ": malformed action '" + action + "'");
                }
            }
            for (String resource : resources) {
                if (resource.equals("*")) {
                    if (allow && !STAR_RESOURCE_ACTIONS.containsAll(actions)) {
                        findings.add(at + ": resource '*' for " + actions);
                    }
                } else if (!ARN.matcher(resource).matches()) {
                    findings.add(at + ": malformed resource ARN '" + resource + "'");
                }
            }
            if (allow && actions.contains("iam:PassRole")
                    && s.path("Condition").findValue("iam:PassedToService") == null) {
                findings.add(at + ": iam:PassRole without an iam:PassedToService condition");
            }
        }
        return findings;
    }

    /** A role trust policy: a service principal may assume the role, from this account only. */
    public static List<String> lintTrust(String where, JsonNode policy) {
        List<String> findings = new ArrayList<>();
        List<JsonNode> statements = grammar(where, policy, findings);
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = where + ": Statement[" + i + "]";
            if (!s.path("Principal").path("Service").isTextual()) {
                findings.add(at + ": trust must name one service principal");
            }
            if (!strings(s.path("Action")).equals(List.of("sts:AssumeRole"))) {
                findings.add(at + ": trust action must be sts:AssumeRole");
            }
            if (s.has("Resource")) {
                findings.add(at + ": Resource has no place in a trust policy");
            }
            if (s.path("Condition").findValue("aws:SourceAccount") == null) {
                findings.add(at + ": no aws:SourceAccount condition (confused deputy)");
            }
        }
        return findings;
    }

    /** Every role must carry the instance's permissions boundary when one is configured. */
    public static List<String> lintBoundary(String where, Optional<String> roleBoundary, Optional<String> configured) {
        if (configured.isPresent() && !configured.equals(roleBoundary)) {
            return List.of(where + ": permissions boundary " + configured.get() + " missing");
        }
        return List.of();
    }

    private static List<JsonNode> grammar(String where, JsonNode policy, List<String> findings) {
        List<JsonNode> out = new ArrayList<>();
        if (!"2012-10-17".equals(policy.path("Version").asText())) {
            findings.add(where + ": Version must be 2012-10-17");
        }
        JsonNode statements = policy.path("Statement");
        if (!statements.isArray() || statements.isEmpty()) {
            findings.add(where + ": Statement must be a non-empty array");
            return out;
        }
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = where + ": Statement[" + i + "]";
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!STATEMENT_KEYS.contains(key)) {
                    findings.add(at + ": unknown element '" + key + "'");
                }
            }
            String effect = s.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                findings.add(at + ": Effect must be Allow or Deny");
            }
            // A Deny may name what it leaves alone instead (NotAction): every other action is denied.
            // With Allow, NotAction grants every unlisted action, which no policy here needs.
            boolean notAction = !strings(s.path("NotAction")).isEmpty();
            if (notAction && !effect.equals("Deny")) {
                findings.add(at + ": NotAction only with Effect Deny");
            }
            if (strings(s.path("Action")).isEmpty() && !notAction) {
                findings.add(at + ": no Action");
            }
            JsonNode condition = s.path("Condition");
            if (!condition.isMissingNode()) {
                condition.fields().forEachRemaining(op -> {
                    if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                        findings.add(at + ": Condition operator " + op.getKey() + " needs key: values");
                    }
                });
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
