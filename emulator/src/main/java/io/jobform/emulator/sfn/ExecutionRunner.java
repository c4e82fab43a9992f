package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.sfn.asl.ExecutionContext;
import io.jobform.emulator.sfn.asl.ExecutionResult;
import io.jobform.emulator.sfn.asl.HistoryEvent;
import io.jobform.emulator.sfn.asl.Interpreter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs executions with the interpreter and keeps what it computed in the execution's stored
 * body ({@code _events}, {@code _end}, {@code _resume}, the ECS tasks it started in
 * {@code _tasks} and their container log lines still due in {@code _logs}; hidden from the
 * API), so it survives snapshots. The status becomes final once the clock reaches the computed
 * end; history shows the events the clock has passed; log lines are written once the clock
 * reaches them. A StopExecution cuts the computed future off and stops the tasks then running.
 */
final class ExecutionRunner {
    private final StateMachineStore store;
    private final Clock clock;
    private final RunSupport support;

    ExecutionRunner(StateMachineStore store, Clock clock, RunSupport support) {
        this.store = store;
        this.clock = clock;
        this.support = support;
    }

    void start(StateMachineStore.Machine machine, ObjectNode execution) {
        if (support.hold()) {
            ObjectNode started = execution.putArray("_events").addObject()
                    .put("timestamp", execution.get("startDate").asDouble()).put("type", "ExecutionStarted")
                    .putObject("executionStartedEventDetails");
            started.put("input", execution.path("input").asText()).put("roleArn", machine.body.path("roleArn").asText());
            started.putObject("inputDetails").put("truncated", false);
            return;
        }
        compute(machine, execution, JsonBody.instant(execution.get("startDate")), Optional.empty());
    }

    void redrive(StateMachineStore.Machine machine, ObjectNode execution, Instant at) {
        Optional<ExecutionResult.Resume> from = Optional.ofNullable(execution.get("_resume"))
                .map(r -> new ExecutionResult.Resume(r.path("state").asText(), r.get("input")));
        if (from.isEmpty()) {
            // Nothing recorded to resume from (e.g. completed through the test hook): start over.
            from = Optional.of(new ExecutionResult.Resume(definition(machine).path("StartAt").asText(),
                    JsonBody.mapper().valueToTree(parse(execution.path("input").asText()))));
        }
        compute(machine, execution, at, from);
    }

    private void compute(StateMachineStore.Machine machine, ObjectNode execution, Instant at,
            Optional<ExecutionResult.Resume> from) {
        execution.remove(List.of("_end", "_resume"));
        ExecutionContext context = new ExecutionContext(execution.path("executionArn").asText(),
                execution.path("name").asText(), machine.arn(), machine.name(), machine.body.path("roleArn").asText(),
                JsonBody.instant(execution.get("startDate")), parse(execution.path("input").asText()),
                execution.path("redriveCount").asInt());
        var script = Optional.ofNullable(support.scripts().get(context.name()));
        SimulatedRun record = new SimulatedRun();
        ExecutionResult result = Interpreter.run(definition(machine), context,
                new ExecutionIntegrations(store, this, support, script, record), at, from);
        execution.withArray("_tasks").addAll(record.tasks);
        execution.withArray("_logs").addAll(record.logs);
        ArrayNode events = execution.has("_events") ? (ArrayNode) execution.get("_events") : execution.putArray("_events");
        result.events().forEach(e -> events.add(stored(e)));
        if (!result.status().equals("RUNNING")) {
            ObjectNode end = execution.putObject("_end").put("status", result.status())
                    .put("at", JsonBody.epochSeconds(result.at()));
            result.output().ifPresent(o -> end.put("output", o.toString()));
            result.error().ifPresent(e -> end.put("error", e));
            result.cause().ifPresent(c -> end.put("cause", c));
        }
        result.resume().ifPresent(r -> execution.putObject("_resume").put("state", r.state()).set("input", r.input()));
    }

    /** The status an execution has at a moment, as far as it is known now. */
    static String statusAt(ObjectNode execution, Instant t) {
        if (execution.has("stopDate") && !JsonBody.instant(execution.get("stopDate")).isAfter(t)) {
            return execution.path("status").asText();
        }
        JsonNode end = execution.get("_end");
        if (end != null && !JsonBody.instant(end.get("at")).isAfter(t)) {
            return end.path("status").asText();
        }
        return "RUNNING";
    }

    /** Ends what the clock has reached and writes the log lines it has passed. */
    void settle() {
        Instant now = clock.instant();
        store.machines().values().forEach(m -> m.executions.values().forEach(e -> {
            ExecutionTasks.writeLogs(e, now, support.logs());
            JsonNode end = e.get("_end");
            if (e.path("status").asText().equals("RUNNING") && end != null
                    && !JsonBody.instant(end.get("at")).isAfter(now)) {
                ExecutionOperations.close(e, end.path("status").asText(), JsonBody.instant(end.get("at")),
                        Optional.ofNullable(end.get("output")).map(JsonNode::asText),
                        Optional.ofNullable(end.get("error")).map(JsonNode::asText),
                        Optional.ofNullable(end.get("cause")).map(JsonNode::asText));
            }
        }));
    }

    /**
     * Aborts at {@code at} if still running then: later computed events and log lines are
     * dropped, and the ECS tasks running then are stopped.
     */
    void stop(ObjectNode execution, Instant at, String error, String cause) {
        if (!statusAt(execution, at).equals("RUNNING")) {
            return;
        }
        ExecutionTasks.stop(execution, at, support.tasks());
        end(execution, at, "ABORTED", "ExecutionAborted", "executionAbortedEventDetails", Optional.empty(),
                Optional.ofNullable(error), Optional.ofNullable(cause));
    }

    /** The test hook's outcome, applied now. */
    void complete(ObjectNode execution, Instant at, ExecutionOutcome outcome) {
        String type = switch (outcome.status()) {
            case "SUCCEEDED" -> "ExecutionSucceeded";
            case "FAILED" -> "ExecutionFailed";
            case "TIMED_OUT" -> "ExecutionTimedOut";
            default -> "ExecutionAborted";
        };
        String details = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
        Optional<String> output = outcome instanceof ExecutionOutcome.Succeeded s ? Optional.of(s.output()) : Optional.empty();
        Optional<String> error = outcome instanceof ExecutionOutcome.Failed f ? Optional.ofNullable(f.error())
                : outcome instanceof ExecutionOutcome.Aborted a ? Optional.ofNullable(a.error())
                : outcome instanceof ExecutionOutcome.TimedOut ? Optional.of("States.Timeout") : Optional.empty();
        Optional<String> cause = outcome instanceof ExecutionOutcome.Failed f ? Optional.ofNullable(f.cause())
                : outcome instanceof ExecutionOutcome.Aborted a ? Optional.ofNullable(a.cause()) : Optional.empty();
        end(execution, at, outcome.status(), type, details, output, error, cause);
    }

    private void end(ObjectNode execution, Instant at, String status, String type, String detailsName,
            Optional<String> output, Optional<String> error, Optional<String> cause) {
        ArrayNode kept = JsonBody.mapper().createArrayNode();
        execution.withArray("_events").forEach(e -> {
            if (!JsonBody.instant(e.get("timestamp")).isAfter(at)) {
                kept.add(e);
            }
        });
        ObjectNode event = kept.addObject().put("timestamp", JsonBody.epochSeconds(at)).put("type", type);
        ObjectNode d = event.putObject(detailsName);
        output.ifPresent(o -> d.put("output", o).putObject("outputDetails").put("truncated", false));
        error.ifPresent(e -> d.put("error", e));
        cause.ifPresent(c -> d.put("cause", c));
        execution.set("_events", kept);
        ObjectNode end = execution.putObject("_end").put("status", status).put("at", JsonBody.epochSeconds(at));
        output.ifPresent(o -> end.put("output", o));
        error.ifPresent(e -> end.put("error", e));
        cause.ifPresent(c -> end.put("cause", c));
        execution.remove("_resume");
        settle();
    }

    /** Events the clock has passed, with ids (GetExecutionHistory). */
    static List<ObjectNode> events(ObjectNode execution, Instant now) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode stored : execution.withArray("_events")) {
            if (JsonBody.instant(stored.get("timestamp")).isAfter(now)) {
                continue;
            }
            ObjectNode e = stored.deepCopy();
            e.put("id", out.size() + 1).put("previousEventId", out.size());
            out.add(e);
        }
        return out;
    }

    private static ObjectNode stored(HistoryEvent e) {
        ObjectNode out = JsonBody.object().put("timestamp", JsonBody.epochSeconds(e.at())).put("type", e.type());
        e.detailsName().ifPresent(name -> out.set(name, e.details()));
        return out;
    }

    private static JsonNode definition(StateMachineStore.Machine machine) {
        return parse(machine.body.path("definition").asText());
    }

    private static JsonNode parse(String json) {
        try {
            return JsonBody.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JsonBody.object();
        }
    }
}
