package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Small JSON conversions shared by the interpreter. */
final class Jsons {
    private Jsons() {}

    static String write(JsonNode node) {
        try {
            return JsonPaths.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JsonPaths.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw StatesError.runtime("Invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** For messages: a value cut to a readable length. */
    static String cut(JsonNode node) {
        String text = write(node);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
