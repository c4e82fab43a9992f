package io.jobform.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The IAM policy statements a template declares, and the lint they must pass. */
final class IamStatements {

    /**
     * Actions that support no resource-level permissions (Service Authorization Reference: the
     * action's "Resource types" column is empty), so only {@code Resource: "*"} can grant them.
     */
    static final Set<String> NO_RESOURCE_LEVEL = Set.of(
            "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition",
            "ecs:ListTaskDefinitions", "ecs:ListTaskDefinitionFamilies",
            "states:ListStateMachines", "scheduler:ListSchedules", "iam:ListRoles", "tag:GetResources");

    private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+:[A-Za-z0-9*]+$");

    /** One statement with where it lives; {@code boundary} marks a permissions boundary (an upper limit, not a grant). */
    record Statement(String resource, String sid, Map<String, Object> body, boolean trust, boolean boundary) {

        List<String> actions() {
            return strings(body.get("Action"));
        }

        List<String> resources() {
            return strings(body.get("Resource"));
        }

        boolean allows() {
            return "Allow".equals(body.get("Effect"));
        }
    }

    private IamStatements() {}

    @SuppressWarnings("unchecked")
    static List<Statement> of(Map<String, Object> template, Set<String> boundaryPolicies) {
        List<Statement> statements = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        resources.forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::IAM::Role" -> {
                    add(statements, name, properties.get("AssumeRolePolicyDocument"), true, false);
                    for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
                        add(statements, name, ((Map<String, Object>) policy).get("PolicyDocument"), false, false);
                    }
                }
                case "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy" ->
                        add(statements, name, properties.get("PolicyDocument"), false, boundaryPolicies.contains(name));
                default -> { }
            }
        });
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static void add(List<Statement> into, String resource, Object document, boolean trust, boolean boundary) {
        if (document instanceof Map<?, ?> doc) {
            for (Object s : (List<Object>) ((Map<String, Object>) doc).get("Statement")) {
                Map<String, Object> body = (Map<String, Object>) s;
                into.add(new Statement(resource, String.valueOf(body.getOrDefault("Sid", "")), body, trust, boundary));
            }
        }
    }

    /** Lint findings for one statement; {@code text} is the raw template (for the "why *" comment). */
    static List<String> lint(Statement statement, String text) {
        List<String> problems = new ArrayList<>();
        String where = statement.resource() + (statement.sid().isEmpty() ? "" : "/" + statement.sid());
        Object effect = statement.body().get("Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            problems.add(where + ": Effect must be Allow or Deny");
        }
        boolean notAction = !strings(statement.body().get("NotAction")).isEmpty();
        if (notAction && statement.allows()) {
            problems.add(where + ": NotAction only with Effect Deny");
        }
        if (statement.actions().isEmpty() && !notAction) {
            problems.add(where + ": no Action");
        }
        for (String action : statement.actions()) {
            if (!ACTION.matcher(action).matches()) {
                problems.add(where + ": action '" + action + "' is not service:Action (a bare * is never allowed)");
            }
        }
        if (statement.trust()) {
            return problems;
        }
        if (statement.body().get("Resource") == null) {
            problems.add(where + ": no Resource");
        }
        if (statement.allows() && statement.resources().contains("*") && !statement.boundary()) {
            statement.actions().stream().filter(a -> !NO_RESOURCE_LEVEL.contains(a)).forEach(a ->
                    problems.add(where + ": " + a + " supports resource-level permissions but is granted on *"));
            if (statement.sid().isEmpty() || !commentedBefore(text, statement.sid())) {
                problems.add(where + ": Resource \"*\" without a '# Resource \"*\": why' comment right before the statement");
            }
        }
        return problems;
    }

    private static boolean commentedBefore(String text, String sid) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("- Sid: " + sid)) {
                for (int j = Math.max(0, i - 4); j < i; j++) {
                    if (lines[j].trim().startsWith("# Resource \"*\":")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
