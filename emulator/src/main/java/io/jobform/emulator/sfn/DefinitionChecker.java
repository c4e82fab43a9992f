package io.jobform.emulator.sfn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks of an Amazon States Language definition, with the error codes of
 * ValidateStateMachineDefinition (API_ValidateStateMachineDefinitionDiagnostic): JSON syntax,
 * StartAt and every transition (Next, Default, Choices[].Next, Catch[].Next) resolving, state
 * Type, Task Resource being a string ARN, States.ALL only alone and last in Retry/Catch, and a
 * terminal state existing. Parallel branches and Map processors are checked as nested machines.
 */
final class DefinitionChecker {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
    private static final Set<String> TERMINAL_TYPES = Set.of("Succeed", "Fail");

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private DefinitionChecker() {}

    static List<Diagnostic> check(String definition) {
        DefinitionChecker checker = new DefinitionChecker();
        if (definition == null || definition.isBlank()) {
            checker.add("MISSING_DESCRIPTION", "The definition must not be empty", null);
            return checker.diagnostics;
        }
        JsonNode root;
        try {
            root = STRICT.readTree(definition);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String detail = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            boolean duplicate = detail.startsWith("Duplicate field");
            checker.add(duplicate ? "DUPLICATE_STATE_NAME" : "INVALID_JSON_DESCRIPTION", detail, null);
            return checker.diagnostics;
        }
        checker.machine(root, "");
        return checker.diagnostics;
    }

    private void add(String code, String message, String location) {
        diagnostics.add(Diagnostic.error(code, message, location));
    }

    private void machine(JsonNode root, String at) {
        if (root == null || !root.isObject()) {
            add("SCHEMA_VALIDATION_FAILED", "The state machine definition must be a JSON object", at.isEmpty() ? "/" : at);
            return;
        }
        JsonNode states = root.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            add("SCHEMA_VALIDATION_FAILED", "The field 'States' is required and must be a non-empty object", at + "/States");
            return;
        }
        JsonNode startAt = root.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            add("SCHEMA_VALIDATION_FAILED", "The field 'StartAt' is required and must be a string", at + "/StartAt");
        } else if (!states.has(startAt.asText())) {
            add("MISSING_TRANSITION_TARGET", "Missing 'StartAt' target: " + startAt.asText(), at + "/StartAt");
        }
        boolean terminal = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = at + "/States/" + e.getKey();
            if (e.getKey().isEmpty() || e.getKey().length() > 80) {
                add("INVALID_STATE_NAME", "State names must be 1 to 80 characters: " + e.getKey(), where);
            }
            terminal |= state(e.getValue(), states, where);
        }
        if (!terminal) {
            add("MISSING_END_STATE", "Workflow has no terminal state", at.isEmpty() ? "/States" : at + "/States");
        }
    }

    /** Checks one state; true when it can end the (sub-)machine. */
    private boolean state(JsonNode state, JsonNode states, String where) {
        if (!state.isObject()) {
            add("SCHEMA_VALIDATION_FAILED", "A state must be a JSON object", where);
            return false;
        }
        JsonNode typeNode = state.get("Type");
        String type = typeNode == null ? null : typeNode.asText();
        if (type == null || !TYPES.contains(type)) {
            add("SCHEMA_VALIDATION_FAILED", "The value for the field 'Type' must be one of " + TYPES.stream().sorted().toList()
                    + (type == null ? "" : " but was '" + type + "'"), where + "/Type");
            return false;
        }
        boolean end = state.path("End").asBoolean(false);
        boolean terminal = TERMINAL_TYPES.contains(type) || end;
        if (type.equals("Choice")) {
            choice(state, states, where);
        } else if (!TERMINAL_TYPES.contains(type)) {
            JsonNode next = state.get("Next");
            if (next != null && end) {
                add("SCHEMA_VALIDATION_FAILED", "Only one of 'Next' or 'End' may be set", where);
            } else if (next == null && !end) {
                add("SCHEMA_VALIDATION_FAILED", "Either 'Next' or 'End: true' is required", where);
            }
            target(next, states, where + "/Next");
        }
        if (type.equals("Task")) {
            JsonNode resource = state.get("Resource");
            if (resource == null || !resource.isTextual()) {
                add("SCHEMA_VALIDATION_FAILED", "The field 'Resource' is required and must be a string", where + "/Resource");
            } else if (!resource.asText().startsWith("arn:")) {
                add("INVALID_RESOURCE", "The resource '" + resource.asText() + "' is not a valid ARN", where + "/Resource");
            }
        }
        if (Set.of("Task", "Parallel", "Map").contains(type)) {
            errorHandlers(state.get("Retry"), null, where + "/Retry");
            errorHandlers(state.get("Catch"), states, where + "/Catch");
        }
        if (type.equals("Parallel")) {
            JsonNode branches = state.get("Branches");
            if (branches == null || !branches.isArray() || branches.isEmpty()) {
                add("SCHEMA_VALIDATION_FAILED", "The field 'Branches' is required and must be a non-empty array",
                        where + "/Branches");
            } else {
                for (int i = 0; i < branches.size(); i++) {
                    machine(branches.get(i), where + "/Branches[" + i + "]");
                }
            }
        }
        if (type.equals("Map")) {
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            if (processor == null) {
                add("SCHEMA_VALIDATION_FAILED", "The field 'ItemProcessor' is required", where + "/ItemProcessor");
            } else {
                machine(processor, where + "/" + field);
            }
        }
        return terminal;
    }

    private void choice(JsonNode state, JsonNode states, String where) {
        JsonNode choices = state.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            add("SCHEMA_VALIDATION_FAILED", "The field 'Choices' is required and must be a non-empty array",
                    where + "/Choices");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                JsonNode next = choices.get(i).get("Next");
                if (next == null) {
                    add("SCHEMA_VALIDATION_FAILED", "The field 'Next' is required", where + "/Choices[" + i + "]");
                }
                target(next, states, where + "/Choices[" + i + "]/Next");
            }
        }
        target(state.get("Default"), states, where + "/Default");
        if (state.has("End") || state.has("Next")) {
            add("SCHEMA_VALIDATION_FAILED", "A Choice state cannot have 'Next' or 'End'", where);
        }
    }

    private void target(JsonNode next, JsonNode states, String where) {
        if (next == null) {
            return;
        }
        if (!next.isTextual() || !states.has(next.asText())) {
            add("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + next.asText(), where);
        }
    }

    /** Retry (states == null) or Catch: ErrorEquals non-empty; States.ALL alone and in the last entry. */
    private void errorHandlers(JsonNode handlers, JsonNode states, String where) {
        if (handlers == null) {
            return;
        }
        if (!handlers.isArray()) {
            add("SCHEMA_VALIDATION_FAILED", "Must be an array", where);
            return;
        }
        for (int i = 0; i < handlers.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode errors = handlers.get(i).get("ErrorEquals");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                add("SCHEMA_VALIDATION_FAILED", "The field 'ErrorEquals' is required and must be a non-empty array",
                        at + "/ErrorEquals");
                continue;
            }
            boolean all = false;
            for (JsonNode error : errors) {
                all |= error.asText().equals("States.ALL");
            }
            if (all && (errors.size() > 1 || i != handlers.size() - 1)) {
                add("SCHEMA_VALIDATION_FAILED", "States.ALL must appear alone in the last "
                        + (states == null ? "retrier" : "catcher"), at + "/ErrorEquals");
            }
            if (states != null) {
                JsonNode next = handlers.get(i).get("Next");
                if (next == null) {
                    add("SCHEMA_VALIDATION_FAILED", "The field 'Next' is required", at);
                }
                target(next, states, at + "/Next");
            }
        }
    }
}
