package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * A Task state: InputPath, Parameters (or JSONata Arguments), the resource call with its
 * TimeoutSeconds (default 99999999, then States.Timeout), ResultSelector, ResultPath and
 * OutputPath (or JSONata Output), under Retry and Catch. History: TaskScheduled, TaskStarted,
 * TaskSubmitted for .sync calls, then TaskSucceeded, TaskFailed or TaskTimedOut.
 */
final class TaskState {
    private static final long DEFAULT_TIMEOUT = 99_999_999L;

    private final Interpreter it;
    private final Integrations integrations;

    TaskState(Interpreter it, Integrations integrations) {
        this.it = it;
        this.integrations = integrations;
    }

    Interpreter.Step run(String name, JsonNode state, JsonNode raw, Instant entered) {
        return Handled.run(it, name, state, raw, entered, (at, retries) -> attempt(name, state, raw, at, retries));
    }

    private Interpreter.Step attempt(String name, JsonNode state, JsonNode raw, Instant at, int retries) {
        JsonNode context = it.execution.contextObject(name, at, retries);
        boolean jsonata = it.jsonata(state);
        Map<String, JsonNode> states = Interpreter.states(raw, context);
        JsonNode parameters;
        if (jsonata) {
            parameters = state.has("Arguments") ? JsonataExpressions.resolve(state.get("Arguments"), states) : raw;
        } else {
            JsonNode input = DataFlow.inputPath(state, raw, context);
            parameters = state.has("Parameters") ? Payloads.resolve(state.get("Parameters"), input, context, it.random) : input;
        }
        String resource = state.path("Resource").asText();
        String[] kind = kind(resource);
        ObjectNode scheduled = it.timeline.add(at, "TaskScheduled", "taskScheduledEventDetails");
        scheduled.put("resourceType", kind[0]).put("resource", kind[1]).put("region", region(it.execution.executionArn()))
                .put("parameters", Jsons.write(parameters));
        it.timeline.add(at, "TaskStarted", "taskStartedEventDetails").put("resourceType", kind[0]).put("resource", kind[1]);
        TaskAnswer answer = integrations.call(new TaskCall(resource, name, parameters, at, retries, it.execution));
        answer.submitted().ifPresent(s -> it.timeline.add(at, "TaskSubmitted", "taskSubmittedEventDetails")
                .put("resourceType", kind[0]).put("resource", kind[1]).put("output", Jsons.write(s)));
        long timeout = timeout(state, raw, context);
        Instant deadline = at.plusSeconds(timeout);
        if (answer.at().isAfter(deadline)) {
            it.timeline.add(deadline, "TaskTimedOut", "taskTimedOutEventDetails").put("resourceType", kind[0])
                    .put("resource", kind[1]).put("error", StatesError.TIMEOUT);
            throw new Interpreter.Fault(new StatesError(StatesError.TIMEOUT, null), deadline);
        }
        if (answer.error().isPresent()) {
            StatesError e = answer.error().get();
            ObjectNode d = it.timeline.add(answer.at(), "TaskFailed", "taskFailedEventDetails")
                    .put("resourceType", kind[0]).put("resource", kind[1]).put("error", e.error());
            e.cause().ifPresent(c -> d.put("cause", c));
            throw new Interpreter.Fault(e, answer.at());
        }
        JsonNode result = answer.result().orElseGet(() -> JsonPaths.mapper().createObjectNode());
        it.timeline.add(answer.at(), "TaskSucceeded", "taskSucceededEventDetails").put("resourceType", kind[0])
                .put("resource", kind[1]).put("output", Jsons.write(result));
        try {
            JsonNode out;
            if (jsonata) {
                out = state.has("Output") ? JsonataExpressions.resolve(state.get("Output"),
                        Map.of("input", raw, "context", context, "result", result)) : result;
            } else {
                JsonNode selected = state.has("ResultSelector")
                        ? Payloads.resolve(state.get("ResultSelector"), result, context, it.random) : result;
                out = DataFlow.outputPath(state, DataFlow.resultPath(state, raw, selected), context);
            }
            return Interpreter.exit(it, "Task", name, state, out, answer.at());
        } catch (StatesError e) {
            throw new Interpreter.Fault(e, answer.at());
        }
    }

    private static long timeout(JsonNode state, JsonNode raw, JsonNode context) {
        if (state.has("TimeoutSecondsPath")) {
            return JsonPaths.read(state.get("TimeoutSecondsPath").asText(), raw, context).asLong(DEFAULT_TIMEOUT);
        }
        return state.path("TimeoutSeconds").asLong(DEFAULT_TIMEOUT);
    }

    /** arn:aws:states:::ecs:runTask.sync → {ecs, runTask.sync}; aws-sdk:sfn:listExecutions → {aws-sdk:sfn, listExecutions}. */
    static String[] kind(String resource) {
        String[] parts = resource.split(":", 6);
        if (parts.length == 6 && parts[2].equals("states")) {
            String rest = parts[5];
            int cut = rest.lastIndexOf(':');
            return cut < 0 ? new String[] {rest, rest} : new String[] {rest.substring(0, cut), rest.substring(cut + 1)};
        }
        return new String[] {parts.length > 2 ? parts[2] : resource, resource};
    }

    private static String region(String executionArn) {
        String[] parts = executionArn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }
}
