package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Pass, Choice, Wait, Succeed and Fail (Amazon States Language specification, "State Types"). */
final class FlowStates {
    private FlowStates() {}

    static Interpreter.Step run(Interpreter it, String name, JsonNode state, JsonNode raw, Instant t) {
        JsonNode context = it.execution.contextObject(name, t, 0);
        String type = state.path("Type").asText();
        if (it.jsonata(state)) {
            return jsonata(it, type, name, state, raw, t, context);
        }
        JsonNode input = DataFlow.inputPath(state, raw, context);
        return switch (type) {
            case "Pass" -> {
                JsonNode effective = state.has("Parameters")
                        ? Payloads.resolve(state.get("Parameters"), input, context, it.random) : input;
                JsonNode result = state.has("Result") ? state.get("Result") : effective;
                JsonNode out = DataFlow.outputPath(state, DataFlow.resultPath(state, raw, result), context);
                yield Interpreter.exit(it, type, name, state, out, t);
            }
            case "Choice" -> {
                String next = null;
                for (JsonNode rule : state.path("Choices")) {
                    if (ChoiceRules.matches(rule, input, context)) {
                        next = rule.path("Next").asText();
                        break;
                    }
                }
                yield choose(it, name, state, next, DataFlow.outputPath(state, input, context), t);
            }
            case "Wait" -> {
                Instant until = waitUntil(state, input, context, t);
                yield Interpreter.exit(it, type, name, state, DataFlow.outputPath(state, input, context), until);
            }
            case "Succeed" -> Interpreter.exit(it, type, name, state, DataFlow.outputPath(state, input, context), t);
            default -> throw fail(state, raw, context, t, null);
        };
    }

    private static Interpreter.Step jsonata(Interpreter it, String type, String name, JsonNode state, JsonNode raw,
            Instant t, JsonNode context) {
        Map<String, JsonNode> states = Interpreter.states(raw, context);
        JsonNode out = state.has("Output") ? JsonataExpressions.resolve(state.get("Output"), states) : raw;
        return switch (type) {
            case "Pass", "Succeed" -> Interpreter.exit(it, type, name, state, out, t);
            case "Choice" -> {
                for (JsonNode rule : state.path("Choices")) {
                    JsonNode matched = JsonataExpressions.resolve(rule.path("Condition"), states);
                    if (!matched.isBoolean()) {
                        throw new StatesError("States.QueryEvaluationError", "The Condition of a Choice rule of '" + name
                                + "' returned " + Jsons.cut(matched) + ", not a boolean");
                    }
                    if (matched.asBoolean()) {
                        JsonNode ruleOut = rule.has("Output") ? JsonataExpressions.resolve(rule.get("Output"), states) : out;
                        yield choose(it, name, state, rule.path("Next").asText(), ruleOut, t);
                    }
                }
                yield choose(it, name, state, null, out, t);
            }
            case "Wait" -> {
                Map<String, JsonNode> resolved = new HashMap<>();
                for (String f : new String[] {"Seconds", "Timestamp"}) {
                    if (state.has(f)) {
                        resolved.put(f, JsonataExpressions.resolve(state.get(f), states));
                    }
                }
                yield Interpreter.exit(it, type, name, state, out, waitUntil(resolved, t));
            }
            default -> {
                String error = state.has("Error") ? JsonataExpressions.resolve(state.get("Error"), states).asText() : null;
                String cause = state.has("Cause") ? JsonataExpressions.resolve(state.get("Cause"), states).asText() : null;
                throw failure(it, error, cause, t);
            }
        };
    }

    private static Interpreter.Step choose(Interpreter it, String name, JsonNode state, String next, JsonNode out,
            Instant t) {
        String target = next != null ? next : state.path("Default").asText(null);
        if (target == null) {
            throw new StatesError("States.NoChoiceMatched", "No Choice Rules matched and no Default was specified in '"
                    + name + "'");
        }
        Timeline.stateExited(it.timeline, t, "Choice", name, out);
        return new Interpreter.Step(out, t, Optional.of(target));
    }

    private static Instant waitUntil(JsonNode state, JsonNode input, JsonNode context, Instant t) {
        Map<String, JsonNode> resolved = new HashMap<>();
        for (String f : new String[] {"Seconds", "Timestamp"}) {
            if (state.has(f)) {
                resolved.put(f, state.get(f));
            }
            if (state.has(f + "Path")) {
                resolved.put(f, JsonPaths.read(state.get(f + "Path").asText(), input, context));
            }
        }
        return waitUntil(resolved, t);
    }

    /** Seconds is a non-negative integer; Timestamp an RFC 3339 time, in the past = no wait. */
    private static Instant waitUntil(Map<String, JsonNode> resolved, Instant t) {
        if (resolved.containsKey("Seconds")) {
            JsonNode s = resolved.get("Seconds");
            if (!s.canConvertToLong() || s.asLong() < 0 || (s.isNumber() && !s.isIntegralNumber())) {
                throw StatesError.runtime("The Wait state's Seconds must be a non-negative integer, not " + Jsons.cut(s));
            }
            return t.plusSeconds(s.asLong());
        }
        JsonNode ts = resolved.get("Timestamp");
        if (ts == null) {
            throw StatesError.runtime("A Wait state needs Seconds, Timestamp, SecondsPath or TimestampPath");
        }
        try {
            Instant until = OffsetDateTime.parse(ts.asText()).toInstant();
            return until.isAfter(t) ? until : t;
        } catch (DateTimeParseException e) {
            throw StatesError.runtime("The Wait state's Timestamp is not an RFC 3339 timestamp: " + Jsons.cut(ts));
        }
    }

    /** Fail: Error/Cause, or ErrorPath/CausePath (a path or intrinsic function on the state's input). */
    private static Interpreter.Fault fail(JsonNode state, JsonNode raw, JsonNode context, Instant t, Interpreter it) {
        String error = text(state, "Error", raw, context);
        String cause = text(state, "Cause", raw, context);
        return new Interpreter.Fault(new StatesError(error, cause), t);
    }

    private static Interpreter.Fault failure(Interpreter it, String error, String cause, Instant t) {
        return new Interpreter.Fault(new StatesError(error, cause), t);
    }

    private static String text(JsonNode state, String field, JsonNode raw, JsonNode context) {
        if (state.has(field + "Path")) {
            JsonNode v = Payloads.value(state.get(field + "Path").asText(), raw, context, new java.util.Random(0));
            if (!v.isTextual()) {
                throw StatesError.runtime("The Fail state's " + field + "Path must name a string, not " + Jsons.cut(v));
            }
            return v.asText();
        }
        return state.path(field).asText(null);
    }
}
