package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * InputPath, ResultPath and OutputPath of JSONPath states ("Processing input and output in
 * Step Functions"): each defaults to {@code $}; {@code null} InputPath or OutputPath gives
 * {@code {}}, {@code null} ResultPath discards the result and keeps the raw input.
 */
final class DataFlow {
    private DataFlow() {}

    static JsonNode inputPath(JsonNode state, JsonNode raw, JsonNode context) {
        return path(state, "InputPath", raw, context);
    }

    static JsonNode outputPath(JsonNode state, JsonNode output, JsonNode context) {
        return path(state, "OutputPath", output, context);
    }

    static JsonNode resultPath(JsonNode state, JsonNode raw, JsonNode result) {
        return applyResultPath(state.has("ResultPath") ? state.get("ResultPath") : null, raw, result);
    }

    /** @param resultPath the field's value, or Java null when the field is absent */
    static JsonNode applyResultPath(JsonNode resultPath, JsonNode raw, JsonNode result) {
        if (resultPath == null) {
            return result;
        }
        if (resultPath.isNull()) {
            return raw;
        }
        return JsonPaths.put(resultPath.asText(), raw, result);
    }

    private static JsonNode path(JsonNode state, String field, JsonNode data, JsonNode context) {
        if (!state.has(field)) {
            return data;
        }
        JsonNode path = state.get(field);
        return path.isNull() ? JsonPaths.mapper().createObjectNode() : JsonPaths.read(path.asText(), data, context);
    }
}
