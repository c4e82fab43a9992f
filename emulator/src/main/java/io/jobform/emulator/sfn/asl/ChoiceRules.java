package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSONPath Choice rules ("Choice Rules", Amazon States Language specification): And, Or, Not
 * and the comparison operators on a Variable. A comparison whose Variable is not of the
 * operator's type is false; a Variable that does not resolve is States.Runtime, except for
 * IsPresent.
 */
final class ChoiceRules {
    private static final Pattern OPERATOR = Pattern.compile(
            "(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?");

    private ChoiceRules() {}

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variable = rule.path("Variable").asText(null);
        if (variable == null) {
            throw StatesError.runtime("A Choice rule has no Variable, And, Or or Not");
        }
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("Variable") || field.equals("Next")) {
                continue;
            }
            return compare(field, rule.get(field), variable, input, context);
        }
        throw StatesError.runtime("A Choice rule on " + variable + " has no comparison operator");
    }

    private static boolean compare(String operator, JsonNode operand, String variable, JsonNode input, JsonNode context) {
        if (operator.equals("IsPresent")) {
            return JsonPaths.present(variable, input, context) == operand.asBoolean();
        }
        JsonNode value = JsonPaths.read(variable, input, context);
        switch (operator) {
            case "IsNull": return value.isNull() == operand.asBoolean();
            case "IsNumeric": return value.isNumber() == operand.asBoolean();
            case "IsString": return value.isTextual() == operand.asBoolean();
            case "IsBoolean": return value.isBoolean() == operand.asBoolean();
            case "IsTimestamp": return timestamp(value).isPresent() == operand.asBoolean();
            default: break;
        }
        var m = OPERATOR.matcher(operator);
        if (!m.matches()) {
            throw StatesError.runtime("Unknown Choice rule operator " + operator);
        }
        JsonNode other = m.group(3) != null ? JsonPaths.read(operand.asText(), input, context) : operand;
        String type = m.group(1);
        String how = m.group(2);
        if (how.equals("Matches")) {
            return type.equals("String") && value.isTextual() && glob(operand.asText(), value.asText());
        }
        Optional<Integer> order = switch (type) {
            case "String" -> value.isTextual() && other.isTextual()
                    ? Optional.of(value.asText().compareTo(other.asText())) : Optional.empty();
            case "Numeric" -> value.isNumber() && other.isNumber()
                    ? Optional.of(value.decimalValue().compareTo(other.decimalValue())) : Optional.empty();
            case "Boolean" -> value.isBoolean() && other.isBoolean() && how.equals("Equals")
                    ? Optional.of(value.asBoolean() == other.asBoolean() ? 0 : 1) : Optional.empty();
            default -> timestamp(value).flatMap(a -> timestamp(other).map(a::compareTo));
        };
        return order.map(c -> switch (how) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "GreaterThan" -> c > 0;
            case "LessThanEquals" -> c <= 0;
            default -> c >= 0;
        }).orElse(false);
    }

    private static Optional<java.time.Instant> timestamp(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    static boolean glob(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
