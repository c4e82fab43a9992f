package io.jobform.emulator.sfn.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreter against the table in {@code asl/cases.json}: examples from the Amazon States
 * Language specification and the Step Functions developer guide (paths, Choice rules, Retry and
 * Catch, Map, Parallel, intrinsic functions, JSONata, errors). Task results come from the
 * case's {@code results} per state ({@code Echo} answers the resolved parameters); {@code seconds}
 * is how long the execution took on simulated time.
 */
class InterpreterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = InterpreterTest.class.getResourceAsStream("/asl/cases.json")) {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void runsAsSpecified(JsonNode c) {
        Map<String, Integer> calls = new HashMap<>();
        Integrations scripted = call -> {
            int n = calls.merge(call.stateName(), 1, Integer::sum) - 1;
            JsonNode results = c.path("results").path(call.stateName());
            if (results.isEmpty()) {
                return TaskAnswer.failure(StatesError.RUNTIME, "The emulator does not execute the resource '"
                        + call.resource() + "'", call.at());
            }
            JsonNode r = results.get(Math.min(n, results.size() - 1));
            if (r.path("Never").asBoolean()) {
                return new TaskAnswer(Optional.empty(), Optional.empty(), Optional.empty(), TaskAnswer.NEVER);
            }
            Instant at = call.at().plusSeconds(r.path("Seconds").asLong(0));
            if (r.has("Error")) {
                return TaskAnswer.failure(r.get("Error").asText(), r.path("Cause").textValue(), at);
            }
            return TaskAnswer.result(r.has("Echo") ? call.parameters() : r.get("Output"), at);
        };
        ExecutionContext context = new ExecutionContext("arn:aws:states:us-east-1:123456789012:execution:m:test-run", "test-run",
                "arn:aws:states:us-east-1:123456789012:stateMachine:m", "m", "arn:aws:iam::123456789012:role/r", START,
                c.get("input"), 0);
        ExecutionResult result = Interpreter.run(c.get("definition"), context, scripted, START, Optional.empty());

        JsonNode expect = c.get("expect");
        assertThat(result.status()).as(result.error() + ": " + result.cause() + " after " + result.visitedStates())
                .isEqualTo(expect.get("status").asText());
        if (expect.has("output")) {
            assertThat(result.output()).contains(expect.get("output"));
        }
        if (expect.has("error")) {
            assertThat(result.error()).contains(expect.get("error").asText());
        }
        if (expect.has("cause")) {
            assertThat(result.cause()).contains(expect.get("cause").asText());
        }
        if (expect.has("causeContains")) {
            assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains(expect.get("causeContains").asText()));
        }
        if (expect.has("visited")) {
            List<String> visited = new ArrayList<>();
            expect.get("visited").forEach(v -> visited.add(v.asText()));
            assertThat(result.visitedStates()).isEqualTo(visited);
        }
        expect.path("calls").fields().forEachRemaining(e -> assertThat(calls.get(e.getKey())).as("calls of " + e.getKey())
                .isEqualTo(e.getValue().asInt()));
        if (expect.has("seconds")) {
            assertThat(Duration.between(START, result.at()).toSeconds()).isEqualTo(expect.get("seconds").asLong());
        }
        // The history is ordered, starts with ExecutionStarted and ends with the closing event.
        assertThat(result.events().get(0).type()).isEqualTo("ExecutionStarted");
        assertThat(result.events()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        if (!result.status().equals("RUNNING")) {
            assertThat(result.events().get(result.events().size() - 1).type()).startsWith("Execution");
        }
    }
}
