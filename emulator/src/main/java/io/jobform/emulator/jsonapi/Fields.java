package io.jobform.emulator.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, validated access to the members of one JSON object of a request. Every violation is
 * raised through the service's own error factory, so ECS answers ClientException while
 * Scheduler answers ValidationException for the same kind of mistake. {@code path} prefixes
 * member names in messages (e.g. "Target.RoleArn").
 */
public record Fields(ObjectNode node, String path, Function<String, ? extends RuntimeException> invalid) {

    public String name(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    public RuntimeException error(String message) {
        return invalid.apply(message);
    }

    public boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    public Optional<JsonNode> raw(String member) {
        return has(member) ? Optional.of(node.get(member)) : Optional.empty();
    }

    public Optional<String> string(String member) {
        return raw(member).map(v -> {
            if (!v.isTextual()) {
                throw error("Value at '" + name(member) + "' must be a string");
            }
            return v.asText();
        });
    }

    public String requiredString(String member) {
        return string(member).orElseThrow(() -> error(missing(member)));
    }

    public String missing(String member) {
        return "Missing required parameter '" + name(member) + "'";
    }

    /** A string checked against the model's min/max length and, when given, its pattern. */
    public Optional<String> string(String member, int min, int max, Pattern pattern) {
        return string(member).map(v -> checked(member, v, min, max, pattern));
    }

    public String requiredString(String member, int min, int max, Pattern pattern) {
        return checked(member, requiredString(member), min, max, pattern);
    }

    public String checked(String member, String value, int min, int max, Pattern pattern) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw error("Value at '" + name(member) + "' failed to satisfy constraint: Member must have length "
                    + (min == max ? "of " + min : "between " + min + " and " + max));
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw error("Value '" + value + "' at '" + name(member)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    public Optional<Long> integer(String member) {
        return raw(member).map(v -> {
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw error("Value at '" + name(member) + "' must be an integer");
            }
            return v.asLong();
        });
    }

    public Optional<Long> integer(String member, long min, long max) {
        return integer(member).map(v -> {
            if (v < min || v > max) {
                throw error("Value '" + v + "' at '" + name(member) + "' failed to satisfy constraint: Member must have value "
                        + (v < min ? "greater than or equal to " + min : "less than or equal to " + max));
            }
            return v;
        });
    }

    public Optional<Boolean> bool(String member) {
        return raw(member).map(v -> {
            if (!v.isBoolean()) {
                throw error("Value at '" + name(member) + "' must be a boolean");
            }
            return v.asBoolean();
        });
    }

    public Optional<String> enumValue(String member, List<String> allowed) {
        return string(member).map(v -> {
            if (!allowed.contains(v)) {
                throw error("Value '" + v + "' at '" + name(member)
                        + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
            }
            return v;
        });
    }

    public Optional<Fields> object(String member) {
        return raw(member).map(v -> {
            if (!v.isObject()) {
                throw error("Value at '" + name(member) + "' must be an object");
            }
            return new Fields((ObjectNode) v, name(member), invalid);
        });
    }

    public Fields requiredObject(String member) {
        return object(member).orElseThrow(() -> error(missing(member)));
    }

    /** Members of a list of objects; each element is named member[i] in messages. */
    public List<Fields> objects(String member) {
        List<Fields> result = new ArrayList<>();
        raw(member).ifPresent(v -> {
            if (!v.isArray()) {
                throw error("Value at '" + name(member) + "' must be a list");
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) {
                    throw error("Value at '" + name(member) + "[" + i + "]' must be an object");
                }
                result.add(new Fields((ObjectNode) v.get(i), name(member) + "[" + i + "]", invalid));
            }
        });
        return result;
    }

    public List<String> strings(String member) {
        List<String> result = new ArrayList<>();
        raw(member).ifPresent(v -> {
            if (!v.isArray()) {
                throw error("Value at '" + name(member) + "' must be a list");
            }
            v.forEach(e -> {
                if (!e.isTextual()) {
                    throw error("Value at '" + name(member) + "' must be a list of strings");
                }
                result.add(e.asText());
            });
        });
        return result;
    }
}
