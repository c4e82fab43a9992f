package io.jobform.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement's Condition block against a request context, conservatively: evaluation gives
 * {@code Optional.empty()} whenever the outcome cannot be known from the modelled context (an
 * operator not implemented here, a set operator). The caller decides what unknown means: an
 * Allow then grants nothing, a Deny then applies. Semantics from the IAM User Guide, "IAM JSON
 * policy elements: Condition operators": a missing key makes a condition false, except for the
 * negated operators and ...IfExists, where it is true; Null tests presence.
 */
final class Conditions {

    private Conditions() {}

    static Optional<Boolean> holds(JsonNode condition, AccessRequest request) {
        if (condition.isMissingNode() || condition.isNull()) {
            return Optional.of(true);
        }
        boolean all = true;
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                Optional<Boolean> one = one(op.getKey(), request.context().get(key.getKey()), strings(key.getValue()));
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                all &= one.get();
            }
        }
        return Optional.of(all);
    }

    private static Optional<Boolean> one(String operator, List<String> present, List<String> values) {
        if (operator.startsWith("ForAnyValue:") || operator.startsWith("ForAllValues:")) {
            return Optional.empty();
        }
        boolean ifExists = operator.endsWith("IfExists");
        String op = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        if (op.equals("Null")) {
            boolean wantsAbsent = values.contains("true");
            return Optional.of(wantsAbsent == (present == null));
        }
        boolean negated = op.contains("Not");
        if (present == null) {
            return Optional.of(ifExists || negated);
        }
        Optional<Boolean> positive = switch (op.replace("Not", "")) {
            case "StringEquals", "ArnEquals" -> Optional.of(anyMatch(present, values, (v, p) -> v.equals(p)));
            case "StringEqualsIgnoreCase" -> Optional.of(anyMatch(present, values, String::equalsIgnoreCase));
            case "StringLike" -> Optional.of(anyMatch(present, values, (v, p) -> Wildcards.matches(p, v, false)));
            case "ArnLike" -> Optional.of(anyMatch(present, values, (v, p) -> Wildcards.arnMatches(p, v)));
            case "Bool" -> Optional.of(anyMatch(present, values, String::equalsIgnoreCase));
            default -> Optional.empty();
        };
        return positive.map(p -> negated != p);
    }

    private static boolean anyMatch(List<String> present, List<String> values,
            java.util.function.BiPredicate<String, String> match) {
        return present.stream().anyMatch(v -> values.stream().anyMatch(p -> match.test(v, p)));
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
