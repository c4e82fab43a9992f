package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.lambda.ReconcileOutcome.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobformHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-23T21:30:00Z");
    static final Map<String, String> ENV = Map.of(
            "JOBFORM_INSTANCE", "jobform",
            "JOBFORM_BUCKET", "jobform-manifests",
            "JOBFORM_MANIFEST_PREFIX", "manifests/",
            "JOBFORM_ACCOUNT_ID", "123456789012",
            "AWS_REGION", "us-east-1");

    /** Records every request and answers with a prepared outcome (or throws). */
    static final class RecordingRunner implements ReconcileRunner {
        final List<ReconcileRequest> requests = new ArrayList<>();
        final List<Instant> deadlines = new ArrayList<>();
        ReconcileOutcome answer = outcome(Status.COMPLETED, Set.of());
        RuntimeException failure;

        @Override
        public ReconcileOutcome run(ReconcileRequest request, Instant deadline) {
            requests.add(request);
            deadlines.add(deadline);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    static ReconcileOutcome outcome(Status status, Set<String> failedKeys) {
        return new ReconcileOutcome(status, Map.of("Create", 2, "Update", 1), failedKeys.size(), 1, OptionalInt.of(17), failedKeys,
                List.of(new ReconcileOutcome.Entry(false, Optional.of("nightly-report"),
                        Optional.of("StateMachine/jobform-nightly-report"), "Create StateMachine/jobform-nightly-report")));
    }

    final RecordingRunner runner = new RecordingRunner();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    JobformHandler handler(Map<String, String> env) {
        return new JobformHandler(HandlerConfig.fromEnvironment(env), config -> runner,
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    JsonNode invoke(JobformHandler handler, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, new FakeContext("req-1", 900_000));
        return GoldenEvents.JSON.readTree(out.toByteArray());
    }

    List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(GoldenEvents.JSON.readTree(line)); // every line must be one JSON object
        }
        return lines;
    }

    @Test
    void directS3EventRunsOneReconcileWithDecodedKeysAndTheDeadline() throws IOException {
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes("s3-put-odd-keys.json"));
        assertThat(runner.requests).singleElement().satisfies(r -> assertThat(r.changedKeys()).containsExactly(
                "manifests/c++-build.yaml", "manifests/nightly report.yaml", "manifests/team a/café-✓.yml"));
        assertThat(runner.deadlines).containsExactly(NOW.plusSeconds(900 - 60));
        assertThat(response.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(response.path("changes").path("Create").asInt()).isEqualTo(2);
        assertThat(response.has("batchItemFailures")).isFalse();
    }

    @Test
    void sqsBatchThatCompletedReportsNoFailures() throws IOException {
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes("sqs-batch.json"));
        assertThat(runner.requests).hasSize(1);
        assertThat(response.path("batchItemFailures").isArray()).isTrue();
        assertThat(response.path("batchItemFailures")).isEmpty();
    }

    @Test
    void reconcileStoppedByTheDeadlineFailsOnlyMessagesThatNeededIt() throws IOException {
        runner.answer = outcome(Status.STOPPED_AT_DEADLINE, Set.of());
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes("sqs-batch.json"));
        assertThat(failedIds(response)).containsExactly(
                "00000001-e8b1-4f3c-9a5e-000000000001", "00000004-e8b1-4f3c-9a5e-000000000004",
                "00000006-e8b1-4f3c-9a5e-000000000006");
    }

    @Test
    void failedManifestFailsOnlyTheMessageThatReportedIt() throws IOException {
        runner.answer = outcome(Status.COMPLETED, Set.of("manifests/gamma job.yaml"));
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes("sqs-batch.json"));
        assertThat(failedIds(response)).containsExactly("00000004-e8b1-4f3c-9a5e-000000000004");
    }

    @Test
    void runnerExceptionIsOneLogLineAndRetriesTheMessages() throws IOException {
        runner.failure = new IllegalStateException("lease bucket unreachable");
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes("sqs-batch.json"));
        assertThat(failedIds(response)).hasSize(3);
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("reconcile failed: IllegalStateException: lease bucket unreachable")
                .doesNotContain("\tat ").doesNotContain("at io.jobform");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"s3-test-event.json", "s3-foreign.json", "unknown-shape.json", "unknown-action.json", "not-an-object.json"})
    void payloadsWithNothingToDoRunNoReconcile(String file) throws IOException {
        JsonNode response = invoke(handler(ENV), GoldenEvents.bytes(file));
        assertThat(runner.requests).isEmpty();
        assertThat(response.path("status").asText()).isEqualTo("IGNORED");
    }

    @Test
    void bytesThatAreNotJsonAreAWarningNotAnError() throws IOException {
        JsonNode response = invoke(handler(ENV), "not json at all {".getBytes(StandardCharsets.UTF_8));
        assertThat(runner.requests).isEmpty();
        assertThat(response.path("status").asText()).isEqualTo("IGNORED");
        assertThat(logLines()).anySatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("WARN"));
    }

    @Test
    void missingConfigurationReconcilesNothingAndSaysWhy() throws IOException {
        Map<String, String> env = new HashMap<>(ENV);
        env.remove("JOBFORM_BUCKET");
        JsonNode response = invoke(handler(env), GoldenEvents.bytes("scheduler-resync.json"));
        assertThat(runner.requests).isEmpty();
        assertThat(response.path("status").asText()).isEqualTo("FAILED");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("JOBFORM_BUCKET is not set");
    }

    @Test
    void logLinesCarryInstanceRequestIdJobAndResource() throws IOException {
        invoke(handler(ENV), GoldenEvents.bytes("scheduler-resync.json"));
        List<JsonNode> lines = logLines();
        assertThat(lines).filteredOn(l -> l.has("message")).allSatisfy(l -> {
            assertThat(l.path("timestamp").asText()).isEqualTo("2026-11-23T21:30:00Z");
            assertThat(l.path("instance").asText()).isEqualTo("jobform");
            assertThat(l.path("requestId").asText()).isEqualTo("req-1");
            assertThat(l.path("level").asText()).isIn("INFO", "WARN", "ERROR");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("job").asText()).isEqualTo("nightly-report");
            assertThat(l.path("resource").asText()).isEqualTo("StateMachine/jobform-nightly-report");
        });
    }

    @Test
    void metricsLineIsEmbeddedMetricFormatWithEveryDeclaredMetricPresent() throws IOException {
        invoke(handler(ENV), GoldenEvents.bytes("scheduler-resync.json"));
        JsonNode emf = logLines().stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("jobform");
        assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("Instance");
        assertThat(emf.path("Instance").asText()).isEqualTo("jobform");
        assertThat(emf.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        List<String> names = new ArrayList<>();
        directive.path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
        assertThat(names).contains("ChangesCreate", "ChangesUpdate", "Failures", "InvalidManifests", "ApiCalls", "Duration");
        names.forEach(name -> assertThat(emf.path(name).isNumber()).as(name).isTrue());
        assertThat(emf.path("ApiCalls").asInt()).isEqualTo(17);
        assertThat(emf.path("InvalidManifests").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "remaining {0} ms -> deadline after {1} ms")
    @CsvSource({"900000, 840000", "100000, 80000", "5000, 4000", "0, 0"})
    void deadlineKeepsASafetyMargin(long remaining, long expectedAfter) {
        assertThat(JobformHandler.deadline(NOW, remaining)).isEqualTo(NOW.plus(Duration.ofMillis(expectedAfter)));
    }

    private static List<String> failedIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return Stream.of(ids.toArray(String[]::new)).sorted().toList();
    }
}
