package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code run} prints, and the exit code of {@code run --wait}: 0 only when the execution
 * SUCCEEDED, its output carries the ECS task ({@code $.task}) and no container exit code in it is
 * non-zero; an execution that ended in the Skipped or MissedStartingDeadline Succeed states ran no
 * container.
 */
public final class RunReport {
    private RunReport() {}

    public enum Outcome { SUCCEEDED, NOT_RUN, FAILED, STILL_RUNNING }

    public static Outcome outcome(Execution e) {
        if (e.running()) {
            return Outcome.STILL_RUNNING;
        }
        if (!e.succeeded()) {
            return Outcome.FAILED;
        }
        if (!ranTask(e)) {
            return Outcome.NOT_RUN;
        }
        // Should Step Functions ever report a task whose container exited non-zero as a success,
        // the gate still fails: the exit code is what CI asks about.
        return e.taskResult().exitCode().filter(c -> c != 0).isPresent() ? Outcome.FAILED : Outcome.SUCCEEDED;
    }

    public static String started(JobOperations.Started s) {
        return "Started " + JobOperations.subject(s.job()) + " execution " + s.name() + "\n"
                + "  arn:     " + s.executionArn() + "\n"
                + "  console: " + ConsoleUrls.execution(s.executionArn()) + "\n"
                + "  input:   " + s.input() + "\n";
    }

    public static String finished(Execution e, Optional<Duration> timeout, Instant now) {
        String took = Durations.format(e.duration(now));
        return switch (outcome(e)) {
            case SUCCEEDED -> "SUCCEEDED after " + took + ": " + e.taskResult().summary() + "\n";
            case NOT_RUN -> "SUCCEEDED after " + took + " without running the container: the state machine skipped "
                    + "the run (concurrencyPolicy Forbid with another run active, or the starting deadline)\n";
            case FAILED -> e.status() + " after " + took + ": " + RunFailure.of(e).map(RunFailure::summary)
                    .orElseGet(() -> e.taskResult().summary() + e.error().map(x -> "\n  error: " + x).orElse("")) + "\n";
            case STILL_RUNNING -> "still " + e.status() + " after " + took
                    + timeout.map(t -> " (--timeout " + Durations.format(t) + " reached)").orElse("")
                    + "; the execution goes on: " + ConsoleUrls.execution(e.arn()) + "\n";
        };
    }

    public static ObjectNode json(JobOperations.Started s, Optional<Execution> finished, Instant now) {
        ObjectNode out = ExecutionJson.JSON.createObjectNode();
        out.put("job", s.job());
        out.put("executionArn", s.executionArn());
        out.put("name", s.name());
        out.set("input", parse(s.input()));
        out.put("console", ConsoleUrls.execution(s.executionArn()));
        finished.ifPresent(e -> {
            out.put("outcome", outcome(e).name());
            out.set("execution", ExecutionJson.of(e, now));
        });
        return out;
    }

    private static boolean ranTask(Execution e) {
        return e.output().map(RunReport::parse).map(o -> o.path("task").isObject()).orElse(false);
    }

    private static JsonNode parse(String json) {
        try {
            return ExecutionJson.JSON.readTree(json);
        } catch (IOException e) {
            return ExecutionJson.JSON.getNodeFactory().textNode(json);
        }
    }
}
