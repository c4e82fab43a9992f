package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.aws.SyncTarget;
import io.jobform.cli.SyncCommand;
import io.jobform.cli.ValidatorCheck;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.s3.S3Event;
import io.jobform.lambda.HandlerConfig;
import io.jobform.lambda.JobformHandler;
import io.jobform.lambda.ReconcileOutcome;
import io.jobform.lambda.ReconcileRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code jobform sync} against the emulator's S3 through the real SDK, and the emulator's own
 * bucket notifications (S3's event message structure) fed to the Lambda handler, direct and
 * SQS-wrapped: odd keys decode back to the real keys and a whole sync is one reconcile.
 */
class SyncEventsIT {

    static final String BUCKET = "jobform-sync-it";
    static final List<String> ODD_NAMES = List.of("nightly report.yaml", "c++ build.yaml", "café-ü.yml");

    @TempDir
    Path work;
    Emulator emulator;
    S3Client s3;
    final List<S3Event> events = new CopyOnWriteArrayList<>();
    final ObjectMapper json = new ObjectMapper();
    final List<ReconcileRequest> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.start(EmulatorOptions.defaults());
        s3 = client();
        s3.createBucket(b -> b.bucket(BUCKET));
        emulator.s3().addListener(events::add);
        Path dir = Files.createDirectories(work.resolve("manifests"));
        for (String name : ODD_NAMES) {
            String job = name.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
            Files.writeString(dir.resolve(name), String.join("\n", "apiVersion: jobform.io/v1alpha1",
                    "kind: ScheduledJob", "metadata: {name: " + job + "}", "spec:",
                    "  schedule: {cron: \"0 3 * * *\"}",
                    "  container: {image: public.ecr.aws/docker/library/busybox:1.36}", ""));
        }
    }

    @AfterEach
    void stop() {
        s3.close();
        emulator.close();
    }

    S3Client client() {
        return S3Client.builder().endpointOverride(emulator.endpoint()).forcePathStyle(true)
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    int sync(String... extra) {
        List<String> args = new ArrayList<>(List.of(work.resolve("manifests").toString(), "s3://" + BUCKET + "/manifests/"));
        args.addAll(List.of(extra));
        CommandLine cli = new CommandLine(new SyncCommand(new ValidatorCheck(Clock.systemUTC()),
                (region, endpoint) -> new SyncTarget(client())));
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args.toArray(String[]::new));
    }

    JsonNode invoke(JsonNode payload, ReconcileOutcome.Status status) throws IOException {
        Map<String, String> env = Map.of("JOBFORM_BUCKET", BUCKET, "AWS_REGION", emulator.region(),
                "JOBFORM_ACCOUNT_ID", emulator.accountId());
        JobformHandler handler = new JobformHandler(HandlerConfig.fromEnvironment(env), config -> (request, deadline) -> {
            requests.add(request);
            return new ReconcileOutcome(status, Map.of(), 0, 0, OptionalInt.empty(), Set.of(), List.of());
        }, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(payload)), out, new TestContext("it", 900_000));
        return json.readTree(out.toByteArray());
    }

    ObjectNode sqsBatch(List<S3Event> batch) {
        ObjectNode root = json.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (int i = 0; i < batch.size(); i++) {
            records.addObject().put("messageId", "m-" + i).put("eventSource", "aws:sqs").put("body", batch.get(i).json());
        }
        return root;
    }

    @Test
    void syncUploadsOnlyChangesAndItsEventsBecomeOneReconcileWithTheRealKeys() throws IOException {
        assertThat(sync()).isZero();
        assertThat(events).extracting(S3Event::key).containsExactlyInAnyOrder(
                "manifests/nightly report.yaml", "manifests/c++ build.yaml", "manifests/café-ü.yml");
        // On the wire the keys are form-encoded, as S3 sends them.
        assertThat(events).extracting(S3Event::json).anySatisfy(j -> assertThat(j).contains("c%2B%2B+build.yaml"));

        JsonNode response = invoke(sqsBatch(List.copyOf(events)), ReconcileOutcome.Status.COMPLETED);
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.changedKeys()).containsExactly(
                "manifests/c++ build.yaml", "manifests/café-ü.yml", "manifests/nightly report.yaml"));

        events.clear();
        assertThat(sync()).isZero();
        assertThat(events).as("an unchanged set uploads nothing").isEmpty();
    }

    @Test
    void deletedFileIsRemovedOnlyWithDeleteAndItsEventIsRetriedWhenTheReconcileStopsEarly() throws IOException {
        assertThat(sync()).isZero();
        Files.delete(work.resolve("manifests").resolve("c++ build.yaml"));
        events.clear();
        assertThat(sync()).isZero();
        assertThat(events).isEmpty();
        assertThat(sync("--delete")).isZero();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("manifests/c++ build.yaml");
            assertThat(e.eventName()).startsWith("ObjectRemoved");
        });

        JsonNode response = invoke(sqsBatch(List.copyOf(events)), ReconcileOutcome.Status.STOPPED_AT_DEADLINE);
        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("m-0");

        JsonNode direct = invoke(events.get(0).message(), ReconcileOutcome.Status.COMPLETED);
        assertThat(direct.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(requests.get(requests.size() - 1).changedKeys()).containsExactly("manifests/c++ build.yaml");
    }
}
