package io.jobform.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.wire.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks policy documents the way IAM's grammar does ("IAM JSON policy element reference"):
 * a JSON object with Version (required here, see README) and Statement; each statement with
 * Effect Allow|Deny and Action/NotAction of the form {@code vendor:Action}; identity policies
 * need Resource and may not name a Principal; trust policies need a Principal and may not
 * name a Resource. Failures are MalformedPolicyDocument with IAM's message texts.
 */
final class PolicyDocuments {
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+");

    enum Kind { IDENTITY, TRUST }

    private PolicyDocuments() {}

    static JsonNode validate(String document, Kind kind) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(document);
        } catch (java.io.IOException e) {
            throw malformed("Syntax errors in policy.");
        }
        if (root == null || !root.isObject()) {
            throw malformed("Syntax errors in policy.");
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP.contains(f)) {
                throw malformed("Syntax errors in policy.");
            }
        });
        String version = root.path("Version").asText("");
        if (!version.equals("2012-10-17") && !version.equals("2008-10-17")) {
            throw malformed(version.isEmpty() ? "Policy document must contain a Version."
                    : "The policy failed legacy parsing");
        }
        List<JsonNode> statements = new ArrayList<>();
        JsonNode statement = root.path("Statement");
        if (statement.isObject()) {
            statements.add(statement);
        } else if (statement.isArray()) {
            statement.forEach(statements::add);
        }
        if (statements.isEmpty()) {
            throw malformed("Syntax errors in policy.");
        }
        for (JsonNode s : statements) {
            validateStatement(s, kind);
        }
        return root;
    }

    private static void validateStatement(JsonNode s, Kind kind) {
        if (!s.isObject()) {
            throw malformed("Syntax errors in policy.");
        }
        s.fieldNames().forEachRemaining(f -> {
            if (!STATEMENT.contains(f)) {
                throw malformed("Syntax errors in policy.");
            }
        });
        String effect = s.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw malformed(effect.isEmpty() ? "Missing required field Effect" : "Invalid effect: " + effect);
        }
        JsonNode actions = s.has("Action") ? s.get("Action") : s.get("NotAction");
        if (actions == null) {
            throw malformed("Policy statement must contain actions.");
        }
        for (String action : strings(actions)) {
            if (!ACTION.matcher(action).matches()) {
                throw malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
            }
        }
        boolean principal = s.has("Principal") || s.has("NotPrincipal");
        boolean resource = s.has("Resource") || s.has("NotResource");
        if (kind == Kind.IDENTITY) {
            if (principal) {
                throw malformed("Policy document should not specify a principal.");
            }
            if (!resource) {
                throw malformed("Policy statement must contain resources.");
            }
            for (String r : strings(s.has("Resource") ? s.get("Resource") : s.get("NotResource"))) {
                if (!r.equals("*") && !r.startsWith("arn:")) {
                    throw malformed("Resource " + r + " must be in ARN format or \"*\".");
                }
            }
        } else {
            if (!principal) {
                throw malformed("Missing required field Principal");
            }
            if (resource) {
                throw malformed("Has prohibited field Resource");
            }
        }
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** True when an Allow statement lets {@code servicePrincipal} call sts:AssumeRole. */
    static boolean trusts(String trustPolicy, String servicePrincipal) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(trustPolicy);
        } catch (java.io.IOException e) {
            return false;
        }
        JsonNode statement = root.path("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(statements::add);
        } else if (statement.isObject()) {
            statements.add(statement);
        }
        for (JsonNode s : statements) {
            if (!s.path("Effect").asText().equals("Allow")) {
                continue;
            }
            boolean action = strings(s.get("Action")).stream()
                    .anyMatch(a -> a.equals("*") || a.equals("sts:*") || a.equals("sts:AssumeRole"));
            JsonNode p = s.get("Principal");
            boolean principal = p != null && (p.isTextual() && p.asText().equals("*")
                    || strings(p.get("Service")).contains(servicePrincipal));
            if (action && principal) {
                return true;
            }
        }
        return false;
    }

    /** Default quota "Role trust policy length" (characters, whitespace not counted). */
    static final int TRUST_POLICY_LIMIT = 2048;

    /** A valid trust policy within its size quota, or MalformedPolicyDocument / LimitExceeded. */
    static String checkTrust(String document) {
        validate(document, Kind.TRUST);
        if (size(document) > TRUST_POLICY_LIMIT) {
            throw new AwsException(409, "LimitExceeded", "Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_LIMIT);
        }
        return document;
    }

    /** IAM counts policy size without whitespace. */
    static int size(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** IAM returns policy documents URL-encoded (RFC 3986) in its XML responses. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static AwsException malformed(String message) {
        return new AwsException(400, "MalformedPolicyDocument", message);
    }
}
