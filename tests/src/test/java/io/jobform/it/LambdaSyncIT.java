package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.RateLimits;
import io.jobform.aws.SyncTarget;
import io.jobform.cli.SyncCommand;
import io.jobform.cli.ValidatorCheck;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.s3.S3Event;
import io.jobform.lambda.EngineWiring;
import io.jobform.lambda.HandlerConfig;
import io.jobform.lambda.JobformHandler;
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
import java.util.List;
import java.util.Map;
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
 * The GitOps path end to end against the emulator: {@code jobform sync} uploads manifests,
 * the emulator's bucket notifications (SQS-wrapped, as the deployed queue delivers them) wake
 * the Lambda handler, which reconciles through the real engine; deleting a file and syncing
 * with --delete prunes the job.
 */
class LambdaSyncIT {

    static final String BUCKET = "jobform-it";
    static final String ODD_NAME = "c++ café job.yaml";

    @TempDir
    Path work;
    Emulator emulator;
    AwsClients clients;
    final List<S3Event> events = new CopyOnWriteArrayList<>();
    final ObjectMapper json = new ObjectMapper();
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()), new RateLimits(1000));
        new ObjectStore(clients.s3, BUCKET).createBucketIfMissing();
        emulator.s3().addListener(events::add);
        Sandbox.copyExamples(work.resolve("manifests"));
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    int sync(String... extra) {
        SyncCommand command = new SyncCommand(new ValidatorCheck(Clock.systemUTC()), (region, endpoint) -> new SyncTarget(S3Client.builder()
                .endpointOverride(emulator.endpoint()).forcePathStyle(true).region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()));
        String[] args = new String[2 + extra.length];
        args[0] = work.resolve("manifests").toString();
        args[1] = "s3://" + BUCKET + "/manifests/";
        System.arraycopy(extra, 0, args, 2, extra.length);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    JobformHandler handler() {
        return handler(Map.of());
    }

    JobformHandler handler(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.putAll(Map.of("JOBFORM_BUCKET", BUCKET, "AWS_REGION", emulator.region(),
                "JOBFORM_ACCOUNT_ID", emulator.accountId(), "JOBFORM_CLUSTER", "jobform-local",
                "JOBFORM_SUBNETS", "subnet-local", "JOBFORM_SECURITY_GROUPS", "sg-local",
                "JOBFORM_BOUNDARY_ARN", "arn:aws:iam::123456789012:policy/jobform-boundary",
                "JOBFORM_ENDPOINT_URL", emulator.endpoint().toString(), "JOBFORM_RATE_LIMIT_SCALE", "1000"));
        return new JobformHandler(HandlerConfig.fromEnvironment(env), EngineWiring::runnerFor, Clock.systemUTC(),
                new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    JsonNode invoke(JobformHandler handler, JsonNode payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(payload)), out,
                new TestContext("it-" + events.size(), 900_000));
        return json.readTree(out.toByteArray());
    }

    /** The recorded notifications as one SQS batch, one message per event, like the deployed queue. */
    ObjectNode sqsBatch(List<S3Event> batch) {
        ObjectNode root = json.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (int i = 0; i < batch.size(); i++) {
            records.addObject().put("messageId", "m-" + i).put("eventSource", "aws:sqs")
                    .put("body", batch.get(i).json());
        }
        return root;
    }

    List<String> stateMachines() {
        return clients.sfn.listStateMachines(b -> b.maxResults(1000)).stateMachines().stream()
                .map(s -> s.name()).toList();
    }

    @Test
    void syncedManifestsAreReconciledFromTheirEventsAndADeletedOneIsPruned() throws Exception {
        Files.writeString(work.resolve("manifests").resolve(ODD_NAME), String.join("\n",
                "apiVersion: jobform.io/v1alpha1",
                "kind: ScheduledJob",
                "metadata: {name: odd-key-job}",
                "spec:",
                "  schedule: {cron: \"0 3 * * *\"}",
                "  container: {image: public.ecr.aws/docker/library/busybox:1.36, cpu: 256, memory: 512}",
                ""));
        assertThat(sync()).isZero();
        assertThat(events).extracting(S3Event::key).contains("manifests/" + ODD_NAME);
        // The notification carries the key form-encoded, as S3 does.
        assertThat(events.stream().filter(e -> e.key().endsWith(ODD_NAME)).findFirst().orElseThrow().json())
                .contains("c%2B%2B+caf%C3%A9+job.yaml");

        try (JobformHandler handler = handler()) {
            reconcileAndPrune(handler);
        }
    }

    private void reconcileAndPrune(JobformHandler handler) throws IOException {
        JsonNode response = invoke(handler, sqsBatch(List.copyOf(events)));
        assertThat(response.path("batchItemFailures")).as(logs.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stateMachines()).contains("jobform-odd-key-job", "jobform-nightly-report");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"resource\":\"StateMachine/jobform-odd-key-job\"")
                .contains("8 changed manifests");

        events.clear();
        Files.delete(work.resolve("manifests").resolve(ODD_NAME));
        assertThat(sync("--delete")).isZero();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.eventName()).startsWith("ObjectRemoved"));
        JsonNode pruned = invoke(handler, events.get(0).message()); // a direct S3 notification this time
        assertThat(pruned.path("status").asText()).as(logs.toString(StandardCharsets.UTF_8)).isEqualTo("COMPLETED");
        assertThat(pruned.path("changes").path("Delete").asInt()).isPositive();
        assertThat(stateMachines()).doesNotContain("jobform-odd-key-job").contains("jobform-nightly-report");
    }

    /** Issue 15 item 7: the function reads JOBFORM_MAX_DELETIONS (it used the default) and reads it strictly. */
    @Test
    void theFunctionHonoursTheDeletionLimit() throws Exception {
        assertThat(sync()).isZero();
        try (JobformHandler handler = handler(Map.of("JOBFORM_MAX_DELETIONS", "1"))) {
            invoke(handler, sqsBatch(List.copyOf(events)));
            assertThat(stateMachines()).contains("jobform-thumbnail-sweep", "jobform-db-maintenance");
            events.clear();
            Files.delete(work.resolve("manifests/thumbnail-sweep.yaml"));
            Files.delete(work.resolve("manifests/db-maintenance.yaml"));
            assertThat(sync("--delete")).isZero();
            JsonNode guarded = invoke(handler, sqsBatch(List.copyOf(events)));
            assertThat(guarded.path("batchItemFailures")).as(logs.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(stateMachines()).contains("jobform-thumbnail-sweep", "jobform-db-maintenance");
            assertThat(logs.toString(StandardCharsets.UTF_8)).contains("more than the limit of 1; nothing pruned (raise --max-deletions or JOBFORM_MAX_DELETIONS");
        }
        for (String bad : List.of(" 5", "-1", "abc", "99999999999")) {
            assertThat(HandlerConfig.fromEnvironment(Map.of("JOBFORM_BUCKET", BUCKET, "AWS_REGION", "us-east-1",
                    "JOBFORM_ACCOUNT_ID", "123456789012", "JOBFORM_MAX_DELETIONS", bad)).problems())
                    .containsExactly("JOBFORM_MAX_DELETIONS must be a whole number from 0 to 100000, not '" + bad + "'");
        }
    }

    /**
     * Issue 15 item 9: validate, sync and the reconcile agree on what a manifest file is. An
     * upper-case extension was reconciled but neither validated nor synced (so sync --delete could
     * prune a job validate called valid); a hidden folder's file is nobody's manifest.
     */
    @Test
    void validateSyncAndReconcileAgreeOnWhichFilesAreManifests() throws Exception {
        Path dir = work.resolve("manifests");
        String job = "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata: {name: %s}\nspec:\n"
                + "  container: {image: public.ecr.aws/docker/library/busybox:1.36, cpu: 256, memory: 512}\n";
        Files.writeString(dir.resolve("Shout.YAML"), job.formatted("shout"));
        Files.createDirectories(dir.resolve(".drafts"));
        Files.writeString(dir.resolve(".drafts/wip.yaml"), job.formatted("wip"));

        // validate sees the upper-case file (a mistake in it is reported) and not the hidden one.
        Files.writeString(dir.resolve(".drafts/wip.yaml"), job.formatted("wip").replace("memory: 512", "memory: 3"));
        Files.writeString(dir.resolve("Shout.YAML"), job.formatted("shout").replace("memory: 512", "memory: 3"));
        StringWriter out = new StringWriter();
        int validated = io.jobform.cli.Main.run(new String[] {"validate", dir.toString()}, new PrintWriter(out),
                new PrintWriter(out));
        assertThat(validated).as(out.toString()).isEqualTo(3);
        assertThat(out.toString()).contains("Shout.YAML:").doesNotContain("wip.yaml");
        Files.writeString(dir.resolve("Shout.YAML"), job.formatted("shout"));

        assertThat(sync("--delete")).isZero();
        ObjectStore bucket = new ObjectStore(clients.s3, BUCKET);
        assertThat(bucket.list("manifests/")).extracting(o -> o.key()).contains("manifests/Shout.YAML")
                .noneMatch(k -> k.contains("wip"));
        try (JobformHandler handler = handler()) {
            invoke(handler, sqsBatch(List.copyOf(events)));
        }
        assertThat(stateMachines()).contains("jobform-shout").doesNotContain("jobform-wip");
        // A second sync --delete keeps it: nothing to prune.
        assertThat(sync("--delete")).isZero();
        assertThat(bucket.list("manifests/")).extracting(o -> o.key()).contains("manifests/Shout.YAML");
    }
}
