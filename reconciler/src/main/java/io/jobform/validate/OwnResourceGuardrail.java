package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's task role may not change what the reconciler itself manages: the instance's state
 * machines and executions, schedules and schedule group, task definition families, and
 * jobform's own objects in S3 ({@code _jobform/}, or write access to every bucket, which
 * includes the instance's bucket). Reads (Get*, List*, Describe*) stay allowed; IAM writes
 * are already refused by {@link PermissionGuardrails}.
 *
 * <p>Patterns are compared by their literal prefix (the text before the first {@code *} or
 * {@code ?}): a pattern is refused when that prefix and the prefix of an owned name could
 * still meet, which is conservative for patterns such as {@code stateMachine:*-report}.
 */
final class OwnResourceGuardrail {

    /** {@code service, resource-part prefix} of every resource an instance owns, by service. */
    private record Owned(String service, String prefix, String what) {}

    private OwnResourceGuardrail() {}

    static Optional<String> refused(String action, List<String> resources, String instance) {
        String lower = action.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String service = lower.substring(0, colon);
        String name = lower.substring(colon + 1);
        boolean read = !name.contains("*") && !name.contains("?")
                && (name.startsWith("get") || name.startsWith("list") || name.startsWith("describe"));
        if (read) {
            return Optional.empty();
        }
        for (String resource : resources) {
            for (Owned owned : owned(instance)) {
                if (owned.service().equals(service) && covers(resource, owned)) {
                    return Optional.of("action '" + action + "' on '" + resource + "' is refused: it reaches "
                            + owned.what() + " that jobform manages for instance '" + instance + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static List<Owned> owned(String instance) {
        return List.of(
                new Owned("states", "stateMachine:" + instance + "-", "state machines"),
                new Owned("states", "execution:" + instance + "-", "executions"),
                new Owned("scheduler", "schedule/" + instance + "/", "schedules"),
                new Owned("scheduler", "schedule-group/" + instance, "the schedule group"),
                new Owned("ecs", "task-definition/" + instance + "-", "task definitions"),
                new Owned("s3", "", "every bucket, including the instance's bucket,"),
                new Owned("s3", "_jobform/", "status, inventory and lease objects"));
    }

    private static boolean covers(String pattern, Owned owned) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split(":", 6);
        if (parts.length < 6 || !compatible(parts[2], owned.service())) {
            return false;
        }
        String resource = parts[5];
        if (owned.service().equals("s3")) {
            // S3 ARNs carry no account: "bucket/key". Any bucket, or jobform's own key prefix.
            return owned.prefix().isEmpty() ? literal(resource).isEmpty() : resource.contains("/" + owned.prefix());
        }
        return compatible(resource, owned.prefix());
    }

    /** Whether a name matching the pattern can start with the owned prefix. */
    private static boolean compatible(String pattern, String ownedPrefix) {
        String literal = literal(pattern);
        boolean open = literal.length() < pattern.length();
        return open ? literal.startsWith(ownedPrefix) || ownedPrefix.startsWith(literal)
                : pattern.startsWith(ownedPrefix) || pattern.equals(ownedPrefix.replaceAll("[-/]$", ""));
    }

    private static String literal(String pattern) {
        int end = pattern.length();
        for (char c : new char[] {'*', '?'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return pattern.substring(0, end);
    }

    static List<String> texts(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
