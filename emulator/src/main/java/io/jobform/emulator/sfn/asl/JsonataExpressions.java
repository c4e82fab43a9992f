package io.jobform.emulator.sfn.asl;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSONata fields ({@code "{% expression %}"}) evaluated with the {@code $states} variable
 * (input, context, result, errorOutput), as "Transforming data with JSONata in Step Functions"
 * describes. An evaluation error is States.QueryEvaluationError.
 */
final class JsonataExpressions {
    private JsonataExpressions() {}

    static boolean isExpression(JsonNode value) {
        return value.isTextual() && value.asText().startsWith("{%") && value.asText().endsWith("%}");
    }

    /** Resolves a JSONata template: expression strings are evaluated, objects and arrays walked. */
    static JsonNode resolve(JsonNode template, Map<String, JsonNode> states) {
        if (isExpression(template)) {
            return evaluate(template.asText(), states);
        }
        if (template.isObject()) {
            var out = JsonPaths.mapper().createObjectNode();
            template.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), states)));
            return out;
        }
        if (template.isArray()) {
            var out = JsonPaths.mapper().createArrayNode();
            template.forEach(v -> out.add(resolve(v, states)));
            return out;
        }
        return template;
    }

    static JsonNode evaluate(String field, Map<String, JsonNode> states) {
        String expression = field.substring(2, field.length() - 2);
        Map<String, Object> bound = new LinkedHashMap<>();
        states.forEach((k, v) -> bound.put(k, JsonPaths.mapper().convertValue(v, Object.class)));
        Object value;
        try {
            Jsonata jsonata = Jsonata.jsonata(expression);
            Jsonata.Frame frame = jsonata.createFrame();
            frame.bind("states", bound);
            value = jsonata.evaluate(null, frame);
        } catch (RuntimeException e) {
            throw new StatesError("States.QueryEvaluationError", "JSONata expression " + field + " failed: "
                    + e.getMessage());
        }
        if (value == null) {
            throw new StatesError("States.QueryEvaluationError", "The JSONata expression " + field
                    + " returned no value");
        }
        return JsonPaths.mapper().valueToTree(value);
    }
}
