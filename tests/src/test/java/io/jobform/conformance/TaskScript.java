package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scripted Task results, written once and given to both interpreters: per Task state name, the
 * results of its calls in order (the last repeats). Each result is {@code {"Output": value}},
 * {@code {"Error": name, "Cause": text}} or {@code {"Never": true}} (a call that never answers).
 * The emulator reads the same shape through {@code StepFunctionsService.script}.
 */
public record TaskScript(Map<String, List<JsonNode>> byState) {
    static final ObjectMapper JSON = new ObjectMapper();

    public TaskScript {
        byState = Map.copyOf(byState);
    }

    public static TaskScript empty() {
        return new TaskScript(Map.of());
    }

    /** A copy where {@code state}'s calls answer {@code results} in order. */
    public TaskScript with(String state, JsonNode... results) {
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>(byState);
        copy.put(state, List.of(results));
        return new TaskScript(copy);
    }

    public static JsonNode output(JsonNode value) {
        ObjectNode out = JSON.createObjectNode();
        out.set("Output", value);
        return out;
    }

    public static JsonNode error(String error, String cause) {
        return JSON.createObjectNode().put("Error", error).put("Cause", cause);
    }

    public static JsonNode never() {
        return JSON.createObjectNode().put("Never", true);
    }

    ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        byState.forEach((state, results) -> out.putArray(state).addAll(results));
        return out;
    }
}
