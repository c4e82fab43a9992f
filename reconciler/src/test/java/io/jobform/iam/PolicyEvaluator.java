package io.jobform.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Effective permissions of one role, as IAM evaluates a request within one account (IAM User
 * Guide, "Policy evaluation logic"): an explicit Deny in any policy wins; otherwise the request
 * must be allowed by an identity policy and, when the role has a permissions boundary, by the
 * boundary too. Statements match on Action/NotAction and Resource/NotResource with wildcards;
 * conditions are evaluated conservatively (see {@link Conditions}). Resource policies, SCPs and
 * session policies are outside this model.
 */
public final class PolicyEvaluator {

    private final List<JsonNode> identityPolicies;
    private final Optional<JsonNode> boundary;

    public PolicyEvaluator(List<JsonNode> identityPolicies, Optional<JsonNode> boundary) {
        this.identityPolicies = List.copyOf(identityPolicies);
        this.boundary = boundary;
    }

    public Decision evaluate(AccessRequest request) {
        for (JsonNode policy : all()) {
            for (JsonNode s : statements(policy)) {
                // Unknown condition outcome: a Deny is taken to apply.
                if ("Deny".equals(s.path("Effect").asText()) && matches(s, request)
                        && Conditions.holds(s.path("Condition"), request).orElse(true)) {
                    return new Decision(Decision.Outcome.EXPLICIT_DENY, "denied by " + label(s));
                }
            }
        }
        Optional<JsonNode> grant = identityPolicies.stream().flatMap(p -> statements(p).stream())
                .filter(s -> allows(s, request)).findFirst();
        if (grant.isEmpty()) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY, "no identity policy statement allows it");
        }
        if (boundary.isPresent() && statements(boundary.get()).stream().noneMatch(s -> allows(s, request))) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY,
                    "allowed by " + label(grant.get()) + " but not by the permissions boundary");
        }
        return new Decision(Decision.Outcome.ALLOWED, "allowed by " + label(grant.get()));
    }

    private List<JsonNode> all() {
        List<JsonNode> out = new java.util.ArrayList<>(identityPolicies);
        boundary.ifPresent(out::add);
        return out;
    }

    /** Unknown condition outcome: an Allow grants nothing. */
    private static boolean allows(JsonNode s, AccessRequest request) {
        return "Allow".equals(s.path("Effect").asText()) && matches(s, request)
                && Conditions.holds(s.path("Condition"), request).orElse(false);
    }

    static boolean matches(JsonNode s, AccessRequest request) {
        boolean action = s.has("NotAction")
                ? Conditions.strings(s.path("NotAction")).stream().noneMatch(p -> Wildcards.matches(p, request.action(), true))
                : Conditions.strings(s.path("Action")).stream().anyMatch(p -> Wildcards.matches(p, request.action(), true));
        if (!action) {
            return false;
        }
        if (s.has("NotResource")) {
            return Conditions.strings(s.path("NotResource")).stream()
                    .noneMatch(p -> Wildcards.matches(p, request.resource(), false));
        }
        return Conditions.strings(s.path("Resource")).stream()
                .anyMatch(p -> Wildcards.matches(p, request.resource(), false));
    }

    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode s = policy.path("Statement");
        return s.isArray() ? java.util.stream.StreamSupport.stream(s.spliterator(), false).toList()
                : s.isObject() ? List.of(s) : List.of();
    }

    private static String label(JsonNode s) {
        return "statement " + (s.has("Sid") ? s.path("Sid").asText() : s.toString());
    }
}
