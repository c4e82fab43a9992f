package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * Payload templates (Parameters, ResultSelector, ItemSelector): a key ending in {@code .$}
 * takes the value of its path or intrinsic function under the key without the suffix; other
 * values are copied ("Payload template", Amazon States Language specification).
 */
final class Payloads {
    private Payloads() {}

    static JsonNode resolve(JsonNode template, JsonNode input, JsonNode context, Random random) {
        if (template.isObject()) {
            ObjectNode out = JsonPaths.mapper().createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    if (!e.getValue().isTextual()) {
                        throw StatesError.runtime("The value of the field '" + key + "' must be a path or an "
                                + "intrinsic function");
                    }
                    out.set(key.substring(0, key.length() - 2), value(e.getValue().asText(), input, context, random));
                } else {
                    out.set(key, resolve(e.getValue(), input, context, random));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonPaths.mapper().createArrayNode();
            template.forEach(item -> out.add(resolve(item, input, context, random)));
            return out;
        }
        return template;
    }

    static JsonNode value(String expression, JsonNode input, JsonNode context, Random random) {
        return expression.startsWith("States.")
                ? Intrinsics.evaluate(expression, input, context, random)
                : JsonPaths.read(expression, input, context);
    }
}
