package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.CallStats;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.plan.Change;
import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * The reconcile suite against moto, an AWS emulator nobody here wrote: what our own emulator
 * agrees with by construction is checked against an independent implementation of the same
 * APIs. Every example is created, a no-op changes nothing, each field class is updated, a
 * deleted manifest is pruned (or orphaned with {@code prune: "false"}), foreign resources with
 * our names are left alone, and a reconcile that dies after call k converges on the next run.
 *
 * <p>Where moto differs from AWS, AWS's documentation decides and the difference is named here:
 * <ul>
 *   <li>moto's ListTaskDefinitionFamilies ignores {@code status} (its own docstring: "The Status
 *       and pagination parameters are not yet implemented"), so a pruned family stays listed;
 *       AWS lists only families with an ACTIVE revision (Amazon ECS API reference,
 *       ListTaskDefinitionFamilies). jobform confirms an unknown family with
 *       DescribeTaskDefinition, which finds no ACTIVE revision, so nothing is planned for it.</li>
 *   <li>moto's Resource Groups Tagging index does not cover Scheduler schedule groups; jobform
 *       no longer reads that index at all.</li>
 * </ul>
 */
class MotoReconcileIT {
    private static final String BUCKET = "jobform-moto";
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-";
    private static MotoServer moto;

    @TempDir
    Path work;
    Path manifests;
    AwsClients clients;
    ObjectStore store;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start(Path.of("target", "moto"));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void emptyAccount() throws Exception {
        moto.reset();
        clients = new AwsClients(AwsTarget.endpoint(moto.endpoint(), "us-east-1"), new RateLimits(1000));
        store = new ObjectStore(clients.s3, BUCKET);
        store.createBucketIfMissing();
        manifests = work.resolve("manifests");
        Sandbox.copyExamples(manifests);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private ReconcileResult apply(AwsClients through) {
        return apply(through, ReconcileOptions.defaults());
    }

    private ReconcileResult apply(AwsClients through, ReconcileOptions options) {
        try {
            return new Reconciler(Sandbox.config("jobform"), new DirectoryManifestSource(manifests),
                    new ObjectStore(through.s3, BUCKET), through, Clock.systemUTC(), line -> { },
                    new PropagationRetry(3, Duration.ofMillis(50), Duration.ofMillis(200)))
                    .reconcile(options.withLeaseWait(Duration.ZERO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReconcileResult apply() {
        ReconcileResult result = apply(clients);
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        return result;
    }

    /** Calls that change something (not Get, List, Describe or Head) made by {@code run}. */
    private Map<String, Long> mutatingCallsOf(Runnable run) {
        CallStats before = clients.calls();
        run.run();
        Map<String, Long> out = new TreeMap<>();
        clients.calls().since(before).calls().forEach((k, v) -> {
            String op = k.substring(k.indexOf(':') + 1);
            if (!(op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe") || op.startsWith("Head"))) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = manifests.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private Map<String, String> stateMachineTags(String job) {
        Map<String, String> tags = new TreeMap<>();
        clients.sfn.listTagsForResource(b -> b.resourceArn(SM + job)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private List<String> stateMachines() {
        return clients.sfn.listStateMachines(b -> { }).stateMachines().stream().map(m -> m.name()).sorted().toList();
    }

    @Test
    void createsEveryExampleThenAReconcileChangesNothing() throws Exception {
        ReconcileResult created = apply();
        assertThat(created.plan().orElseThrow().counts().get(Change.Action.CREATE)).isEqualTo(24);
        assertThat(stateMachines()).hasSize(6);
        assertThat(clients.scheduler.listSchedules(b -> b.groupName("jobform")).schedules()).hasSize(5);

        Map<String, Long> mutating = mutatingCallsOf(() ->
                assertThat(Sandbox.changes(apply())).isEmpty());
        // The lease is written and released; nothing in ECS, Step Functions, Scheduler or IAM.
        assertThat(mutating).isEqualTo(Map.of("S3:PutObject", 1L, "S3:DeleteObject", 1L));

        // The CLI as a process says so.
        Process cli = new ProcessBuilder("java", "-jar", System.getProperty("jobform.jar"), "apply",
                "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1", "--bucket", BUCKET,
                "--account-id", MotoServer.ACCOUNT, "--boundary-arn", "arn:aws:iam::123456789012:policy/jobform-boundary",
                "--cluster", "jobform-local", "--subnets", "subnet-local", "--security-groups", "sg-local",
                "--source", manifests.toString()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Everything is up to date.").doesNotContain("created", "updated");
        assertThat(cli.exitValue()).as(output).isZero();
    }

    @Test
    void aDeepDryRunPlansOnlyWhatWasChangedByHand() {
        apply();
        new DeepDriftScenario(options -> apply(clients, options), clients).run();
    }

    @Test
    void getJobsReadsTheLiveStateFromListings() {
        apply();
        ConsoleEdits.disableSchedule(clients);
        ConsoleEdits.registerRevisionWithImage(clients, "public.ecr.aws/docker/library/busybox:latest");
        var operations = new io.jobform.operate.JobOperations(new io.jobform.aws.StatusObjects(store, StateKeys.DEFAULT),
                new io.jobform.aws.ExecutionClient(clients.sfn), "jobform",
                new io.jobform.aws.LiveReads(clients, "jobform", store));
        Map<String, io.jobform.operate.JobOperations.JobRow> rows = new TreeMap<>();
        operations.jobs(java.time.Instant.now()).forEach(r -> rows.put(r.status().name(), r));
        var nightly = rows.get("nightly-report");
        assertThat(nightly.live().scheduleState()).contains("DISABLED");
        assertThat(nightly.live().taskDefinition().orElseThrow()).endsWith("task-definition/jobform-nightly-report:2");
        assertThat(nightly.live().differences(nightly.status())).containsExactly(
                "Schedule: live DISABLED, desired ENABLED", "Schedule: modified in AWS after jobform applied it",
                "TaskDefinition: live jobform-nightly-report:2, applied jobform-nightly-report:1");
        assertThat(nightly.synced()).isFalse();
        rows.remove("nightly-report");
        assertThat(rows.values()).hasSize(5).allSatisfy(r -> assertThat(r.synced()).as(r.status().name()).isTrue());
    }

    @Test
    void updatesEachFieldClassAndReadsTheLiveValuesBack() throws Exception {
        apply();
        edit("nightly-report.yaml", "finance-report:1.4.2", "finance-report:1.5.0");      // task definition
        edit("nightly-report.yaml", "timeoutSeconds: 5400", "timeoutSeconds: 4000");       // state machine
        edit("nightly-report.yaml", "cron: \"0 5 * * *\"", "cron: \"30 6 * * *\"");         // schedule
        edit("nightly-report.yaml", "finance-reports/daily/*", "finance-reports/nightly/*"); // task role
        edit("nightly-report.yaml", "labels: {team: finance}", "labels: {team: reporting}"); // tags
        edit("thumbnail-sweep.yaml", "spec:\n", "spec:\n  suspend: true\n");                 // schedule state
        ReconcileResult updated = apply();
        assertThat(Sandbox.changes(updated)).contains("update TaskDefinition/jobform-nightly-report",
                "update StateMachine/jobform-nightly-report", "update Schedule/jobform-nightly-report",
                "update Role/jobform-nightly-report", "update Schedule/jobform-thumbnail-sweep");

        assertThat(clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-nightly-report"))
                .taskDefinition().containerDefinitions().get(0).image()).endsWith("finance-report:1.5.0");
        assertThat(clients.sfn.describeStateMachine(b -> b.stateMachineArn(SM + "nightly-report")).definition())
                .contains("\"TimeoutSeconds\":4000");
        var schedule = clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"));
        assertThat(schedule.scheduleExpression()).isEqualTo("cron(30 6 * * ? *)");
        assertThat(clients.iam.listRolePolicies(b -> b.roleName("jobform-nightly-report")).policyNames()
                .stream().map(p -> clients.iam.getRolePolicy(b -> b.roleName("jobform-nightly-report").policyName(p))
                        .policyDocument()).toList()).anyMatch(d -> java.net.URLDecoder.decode(d, StandardCharsets.UTF_8)
                        .contains("finance-reports/nightly/*"));
        assertThat(stateMachineTags("nightly-report")).containsEntry("team", "reporting");
        assertThat(clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-thumbnail-sweep")).state())
                .isEqualTo(ScheduleState.DISABLED);
        assertThat(mutatingCallsOf(() -> assertThat(Sandbox.changes(apply())).isEmpty()))
                .isEqualTo(Map.of("S3:PutObject", 1L, "S3:DeleteObject", 1L));
    }

    @Test
    void prunesADeletedJobAndOrphansOneThatSaysPruneFalse() throws Exception {
        apply();
        Files.delete(manifests.resolve("nightly-report.yaml"));
        Files.delete(manifests.resolve("backfill-orders.yaml")); // jobform.io/prune: "false"
        ReconcileResult pruned = apply();
        assertThat(Sandbox.changes(pruned)).contains("delete StateMachine/jobform-nightly-report",
                "delete TaskDefinition/jobform-nightly-report", "delete Schedule/jobform-nightly-report",
                "delete Role/jobform-nightly-report", "orphan StateMachine/jobform-backfill-orders",
                "orphan TaskDefinition/jobform-backfill-orders");

        assertThat(stateMachines()).doesNotContain("jobform-nightly-report").contains("jobform-backfill-orders");
        assertThat(clients.scheduler.listSchedules(b -> b.groupName("jobform")).schedules())
                .noneMatch(s -> s.name().equals("jobform-nightly-report"));
        assertThat(clients.iam.listRoles(b -> b.pathPrefix("/jobform/jobform/")).roles())
                .noneMatch(r -> r.roleName().equals("jobform-nightly-report"));
        assertThat(clients.ecs.listTaskDefinitions(b -> b.familyPrefix("jobform-nightly-report")).taskDefinitionArns())
                .isEmpty();
        // The orphan keeps running, without jobform's marks but the one naming who kept it.
        assertThat(stateMachineTags("backfill-orders")).doesNotContainKeys("jobform.io/instance", "jobform.io/spec-hash")
                .containsEntry("jobform.io/kept-by", "jobform");
        assertThat(clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-backfill-orders")
                .include(TaskDefinitionField.TAGS)).tags()).filteredOn(t -> t.key().startsWith("jobform.io/"))
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("jobform.io/kept-by=jobform");

        assertThat(mutatingCallsOf(() -> assertThat(Sandbox.changes(apply())).isEmpty()))
                .isEqualTo(Map.of("S3:PutObject", 1L, "S3:DeleteObject", 1L));
        assertThat(stateMachines()).contains("jobform-backfill-orders");
    }

    @Test
    void leavesForeignResourcesWithOurNamesAlone() throws Exception {
        apply();
        String role = clients.iam.getRole(b -> b.roleName("jobform-states")).role().arn();
        String pass = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";
        clients.sfn.createStateMachine(b -> b.name("jobform-hello").roleArn(role).definition(pass));
        clients.sfn.createStateMachine(b -> b.name("jobform-unrelated").roleArn(role).definition(pass));
        Files.writeString(manifests.resolve("hello.yaml"), "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\n"
                + "metadata:\n  name: hello\nspec:\n  container:\n"
                + "    image: public.ecr.aws/docker/library/busybox:1.36\n    command: [\"echo\", \"hello\"]\n");

        for (int run = 0; run < 2; run++) {
            ReconcileResult result = apply(clients);
            assertThat(result.apply().orElseThrow().failures()).singleElement().satisfies(f -> assertThat(f.toString())
                    .contains("StateMachine/jobform-hello", "not owned by instance jobform"));
            assertThat(Sandbox.changes(result)).noneMatch(c -> c.contains("jobform-unrelated"));
        }
        assertThat(clients.sfn.describeStateMachine(b -> b.stateMachineArn(SM + "hello")).definition()).isEqualTo(pass);
        assertThat(stateMachineTags("hello")).isEmpty();
        assertThat(stateMachines()).contains("jobform-unrelated");
    }

    /** What the instance has, as comparable lines (revision numbers left out: they count attempts). */
    private List<String> footprint() {
        TreeSet<String> lines = new TreeSet<>();
        clients.sfn.listStateMachines(b -> { }).stateMachines().forEach(s -> lines.add("sm " + s.name() + " "
                + clients.sfn.describeStateMachine(b -> b.stateMachineArn(s.stateMachineArn())).definition().hashCode()));
        clients.ecs.listTaskDefinitions(b -> b.status("ACTIVE")).taskDefinitionArns().forEach(arn -> lines.add("td "
                + arn.substring(arn.indexOf('/') + 1, arn.lastIndexOf(':')) + " " + clients.ecs
                .describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition().containerDefinitions().get(0).image()));
        clients.scheduler.listSchedules(b -> { }).schedules().forEach(s -> lines.add("schedule " + s.groupName() + "/"
                + s.name() + " " + s.stateAsString()));
        clients.iam.listRoles(b -> b.pathPrefix("/jobform/")).roles().forEach(r -> lines.add("role " + r.roleName()
                + " " + clients.iam.listRolePolicies(b -> b.roleName(r.roleName())).policyNames()));
        return new ArrayList<>(lines);
    }

    private void changeSet() throws IOException {
        edit("nightly-report.yaml", "finance-report:1.4.2", "finance-report:1.5.0");
        edit("invoice-sync.yaml", "dynamodb:PutItem", "dynamodb:UpdateItem");
        Files.delete(manifests.resolve("thumbnail-sweep.yaml"));
        Files.writeString(manifests.resolve("archive-logs.yaml"), "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\n"
                + "metadata:\n  name: archive-logs\nspec:\n  schedule:\n    cron: \"0 1 * * *\"\n  container:\n"
                + "    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/archiver:1.0\n  permissions:\n"
                + "    - {effect: Allow, actions: [\"s3:PutObject\"], resources: [\"arn:aws:s3:::archive/*\"]}\n");
    }

    @Test
    void convergesAfterAReconcileDiesAfterCallK() throws Exception {
        apply();
        changeSet();
        CallStats before = clients.calls();
        apply();
        long calls = clients.calls().since(before).totalCalls();
        List<String> expected = footprint();
        assertThat(expected).noneMatch(l -> l.contains("thumbnail-sweep")).anyMatch(l -> l.contains("archive-logs"))
                .anyMatch(l -> l.contains("finance-report:1.5.0"));

        for (long k : new long[] {4, calls / 3, 2 * calls / 3, calls - 3}) {
            moto.reset();
            store.createBucketIfMissing();
            Files.walk(manifests).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Sandbox.copyExamples(manifests);
            apply();
            changeSet();
            try (CrashingProxy proxy = new CrashingProxy(moto.endpoint(), k);
                 AwsClients dying = new AwsClients(new AwsTarget(Optional.of("us-east-1"), Optional.of(proxy.endpoint()),
                         1), new RateLimits(1000))) {
                apply(dying);
            } catch (RuntimeException crashed) {
                // the process died: nothing of its result survives
            }
            store.delete(StateKeys.DEFAULT.lease()); // the dead holder's lease has expired by the next resync
            assertThat(apply(clients).apply().orElseThrow().failures()).as("rerun after a crash at call %d", k).isEmpty();
            assertThat(Sandbox.changes(apply())).as("third run after a crash at call %d", k).isEmpty();
            assertThat(footprint()).as("state after a crash at call %d", k).isEqualTo(expected);
        }
    }
}
