package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Executes a Standard workflow on simulated time (Amazon States Language specification). The
 * whole execution is computed at once: waits, retries and tasks move the execution's own
 * clock, and the caller reveals the events as the real clock passes them. Anything the
 * interpreter cannot execute fails the execution with States.Runtime naming the state.
 */
public final class Interpreter {
    private final Integrations integrations;
    final Timeline timeline = new Timeline();
    final Random random;
    final ExecutionContext execution;
    private final Instant horizon;
    private final String language;

    /** An error travelling up to the nearest handler, with the moment it happened. */
    static final class Fault extends RuntimeException {
        final StatesError error;
        final Instant at;
        Optional<ExecutionResult.Resume> resume = Optional.empty();

        Fault(StatesError error, Instant at) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.at = at;
        }
    }

    /** The execution went past its TimeoutSeconds or the one-year limit. */
    static final class Horizon extends RuntimeException {
        Horizon() {
            super(null, null, false, false);
        }
    }

    record Step(JsonNode output, Instant at, Optional<String> next) {}

    private Interpreter(JsonNode definition, ExecutionContext execution, Integrations integrations, Instant start) {
        this.integrations = integrations;
        this.execution = execution;
        this.random = new Random(execution.executionArn().hashCode() * 31L + execution.redriveCount());
        this.language = definition.path("QueryLanguage").asText("JSONPath");
        // A Standard execution runs at most one year ("Step Functions service quotas"), then times out.
        Instant yearLater = start.plus(java.time.Duration.ofDays(365));
        Instant limit = definition.has("TimeoutSeconds") ? start.plusSeconds(definition.get("TimeoutSeconds").asLong()) : yearLater;
        this.horizon = limit.isBefore(yearLater) ? limit : yearLater;
    }

    /**
     * Runs from StartAt, or for a redrive from the state that failed, with the input it had.
     * The machine's TimeoutSeconds counts from {@code start}.
     */
    public static ExecutionResult run(JsonNode definition, ExecutionContext execution, Integrations integrations,
            Instant start, Optional<ExecutionResult.Resume> from) {
        Interpreter it = new Interpreter(definition, execution, integrations, start);
        Timeline t = it.timeline;
        if (from.isEmpty()) {
            ObjectNode d = t.add(start, "ExecutionStarted", "executionStartedEventDetails");
            d.put("input", Jsons.write(execution.input())).put("roleArn", execution.roleArn());
            d.putObject("inputDetails").put("truncated", false);
        } else {
            t.add(start, "ExecutionRedriven", "executionRedrivenEventDetails").put("redriveCount", execution.redriveCount());
        }
        String startAt = from.map(ExecutionResult.Resume::state).orElse(definition.path("StartAt").asText());
        JsonNode input = from.map(ExecutionResult.Resume::input).orElse(execution.input());
        try {
            Step end = it.machine(definition, startAt, input, start, true);
            if (end.at().isAfter(it.horizon)) {
                return it.timedOut();
            }
            ObjectNode d = t.close(end.at(), "ExecutionSucceeded", "executionSucceededEventDetails");
            d.put("output", Jsons.write(end.output())).putObject("outputDetails").put("truncated", false);
            return new ExecutionResult("SUCCEEDED", end.at(), Optional.of(end.output()), Optional.empty(), Optional.empty(),
                    t.until(end.at()), Optional.empty());
        } catch (Fault f) {
            if (f.at.isAfter(it.horizon)) {
                return it.timedOut();
            }
            ObjectNode d = t.close(f.at, "ExecutionFailed", "executionFailedEventDetails").put("error", f.error.error());
            f.error.cause().ifPresent(c -> d.put("cause", c));
            return new ExecutionResult("FAILED", f.at, Optional.empty(), Optional.of(f.error.error()), f.error.cause(),
                    t.until(f.at), f.resume);
        } catch (Horizon h) {
            return it.timedOut();
        }
    }

    private ExecutionResult timedOut() {
        List<HistoryEvent> events = new java.util.ArrayList<>(timeline.until(horizon));
        ObjectNode d = JsonPaths.mapper().createObjectNode().put("error", StatesError.TIMEOUT);
        events.add(new HistoryEvent(horizon, "ExecutionTimedOut", Optional.of("executionTimedOutEventDetails"), d));
        return new ExecutionResult("TIMED_OUT", horizon, Optional.empty(), Optional.of(StatesError.TIMEOUT),
                Optional.empty(), events, Optional.empty());
    }

    /** Runs a machine, a Parallel branch or a Map item processor from {@code startAt} to its end. */
    Step machine(JsonNode machine, String startAt, JsonNode input, Instant start, boolean top) {
        String name = startAt;
        JsonNode data = input;
        Instant t = start;
        while (true) {
            if (t.isAfter(horizon) || !t.isBefore(Timeline.FOREVER)) {
                throw new Horizon();
            }
            JsonNode state = machine.path("States").get(name);
            if (state == null || !state.isObject()) {
                throw new Fault(StatesError.runtime("The state '" + name + "' does not exist"), t);
            }
            Step step;
            try {
                step = state(name, state, data, t);
            } catch (Fault f) {
                if (top && f.resume.isEmpty()) {
                    f.resume = Optional.of(new ExecutionResult.Resume(name, data));
                }
                throw f;
            }
            if (step.next().isEmpty()) {
                return step;
            }
            data = step.output();
            t = step.at();
            name = step.next().get();
        }
    }

    private Step state(String name, JsonNode state, JsonNode data, Instant t) {
        String type = state.path("Type").asText();
        int enteredId = timeline.size() + 1;
        try {
            Timeline.stateEntered(timeline, t, type, name, data);
            if (state.has("Assign")) {
                throw StatesError.runtime("Assign (workflow variables) is not supported by the emulator");
            }
            return switch (type) {
                case "Pass", "Choice", "Wait", "Succeed", "Fail" -> FlowStates.run(this, name, state, data, t);
                case "Task" -> new TaskState(this, integrations).run(name, state, data, t);
                case "Map", "Parallel" -> new Branches(this).run(name, state, data, t);
                default -> throw StatesError.runtime("Unknown state type '" + type + "'");
            };
        } catch (Fault f) {
            if (f.error.error() != null && f.error.error().equals(StatesError.RUNTIME)
                    && !f.error.cause().orElse("").startsWith("An error occurred")) {
                Fault located = new Fault(located(f.error, name, enteredId), f.at);
                located.resume = f.resume;
                throw located;
            }
            throw f;
        } catch (Horizon e) {
            throw e;
        } catch (StatesError e) {
            throw new Fault(located(e, name, enteredId), t);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Whatever the interpreter cannot handle fails this execution, never the emulator.
            throw new Fault(located(StatesError.runtime(String.valueOf(e)), name, enteredId), t);
        }
    }

    private static StatesError located(StatesError e, String name, int enteredId) {
        if (!e.error().equals(StatesError.RUNTIME)) {
            return e;
        }
        return StatesError.runtime("An error occurred while executing the state '" + name + "' (entered at the event id #"
                + enteredId + "). " + e.cause().orElse(""));
    }

    boolean jsonata(JsonNode state) {
        return state.path("QueryLanguage").asText(language).equals("JSONata");
    }

    /** The {@code $states} variable of a JSONata state. */
    static Map<String, JsonNode> states(JsonNode input, JsonNode context) {
        return Map.of("input", input, "context", context);
    }

    static Step exit(Interpreter it, String type, String name, JsonNode state, JsonNode output, Instant at) {
        Timeline.stateExited(it.timeline, at, type, name, output);
        boolean end = state.path("End").asBoolean(false) || type.equals("Succeed");
        return new Step(output, at, end ? Optional.empty() : Optional.of(state.path("Next").asText()));
    }
}
