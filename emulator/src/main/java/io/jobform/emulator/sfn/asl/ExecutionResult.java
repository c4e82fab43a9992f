package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an execution ends on its simulated time (SUCCEEDED, FAILED or TIMED_OUT), with every
 * event up to then. {@code resume} names the top-level state that failed and its input, for RedriveExecution.
 */
public record ExecutionResult(String status, Instant at, Optional<JsonNode> output, Optional<String> error,
        Optional<String> cause, List<HistoryEvent> events, Optional<Resume> resume) {

    public record Resume(String state, JsonNode input) {}

    /** The names of the states entered, in order (the path of the execution). */
    public List<String> visitedStates() {
        return events.stream().filter(e -> e.type().endsWith("StateEntered"))
                .map(e -> e.details().path("name").asText()).toList();
    }
}
