package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The state input of a manual run. A schedule hands its state machine
 * {@code {"input": <manifest input>, "scheduledTime": ..., "executionId": ...}} (the renderer's
 * ScheduleSpec); a manual run sends the same {@code input} member and no {@code scheduledTime},
 * so the state machine runs it the same way and skips the starting-deadline check.
 */
public final class RunInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunInput() {}

    /**
     * The manifest's input as deployed: the state machine's {@code UseManifestInput} Pass state
     * carries it (the renderer's StateMachineRenderer). Empty object when there is none.
     */
    public static ObjectNode manifestInput(String definition) {
        try {
            JsonNode result = JSON.readTree(definition).path("States").path("UseManifestInput").path("Result");
            return result.isObject() ? (ObjectNode) result.deepCopy() : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * The manifest input, then the file's members, then each {@code key=value}. A value takes the
     * type of the manifest's value under the same key (number, boolean, object, array as JSON);
     * a new key is a string.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static ObjectNode merge(ObjectNode manifest, Optional<String> fileJson, List<String> pairs) {
        ObjectNode merged = manifest.deepCopy();
        fileJson.ifPresent(text -> {
            JsonNode file;
            try {
                file = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("--input-file is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new IllegalArgumentException("--input-file is not valid JSON: " + e.getMessage());
            }
            if (file == null || !file.isObject()) {
                throw new IllegalArgumentException("--input-file must hold a JSON object");
            }
            merged.setAll((ObjectNode) file);
        });
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--input " + pair + ": expected key=value");
            }
            String key = pair.substring(0, eq);
            merged.set(key, typed(key, pair.substring(eq + 1), manifest.path(key)));
        }
        return merged;
    }

    /** The whole state input: {@code {"input": ...}}. */
    public static String stateInput(ObjectNode input) {
        ObjectNode state = JSON.createObjectNode();
        state.set("input", input);
        return state.toString();
    }

    /**
     * A new run with an earlier execution's input: the same job input, but no
     * {@code scheduledTime}/{@code executionId}, which would make the starting-deadline check
     * skip a rerun of a scheduled run.
     */
    public static String rerunInput(String originalInput) {
        try {
            JsonNode original = JSON.readTree(originalInput);
            if (original != null && original.isObject()) {
                ObjectNode copy = ((ObjectNode) original).deepCopy();
                copy.remove(List.of("scheduledTime", "executionId"));
                return copy.toString();
            }
        } catch (IOException e) {
            // fall through: hand it on unchanged, Step Functions accepted it before
        }
        return originalInput;
    }

    private static JsonNode typed(String key, String value, JsonNode like) {
        try {
            if (like.isNumber()) {
                JsonNode number = JSON.readTree(value.strip());
                if (number != null && number.isNumber()) {
                    return number;
                }
                throw new NumberFormatException();
            }
            if (like.isBoolean()) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new NumberFormatException();
                }
                return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
            }
            if (like.isContainerNode()) {
                JsonNode parsed = JSON.readTree(value);
                if (parsed != null && parsed.getNodeType() == like.getNodeType()) {
                    return parsed;
                }
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | IOException e) {
            throw new IllegalArgumentException("--input " + key + "=" + value + ": the manifest's input has "
                    + key + " as " + like.getNodeType().name().toLowerCase() + " " + like + ", the value is not one");
        }
        return TextNode.valueOf(value);
    }
}
