package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.apply.ApplyReport;
import io.jobform.apply.ChangeFailure;
import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * S3 409s on the lease and the status objects, and a permanent AccessDenied on one job's
 * resource, injected by the emulator: the reconcile converges, no job is called failed when a
 * retry succeeded, and the denied job is reported once, by Kind/name and AWS error code.
 */
class ConflictsAndDenialsIT extends OnChangeSet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = Sandbox.BUCKET + "/_jobform/";

    Hooks hooks;

    @BeforeEach
    void start() {
        hooks = sandbox.emulator.hooks();
    }

    private ReconcileResult reconcile() {
        Reconciler reconciler = sandbox.reconciler(Sandbox.config("jobform"), dir);
        try {
            return reconciler.reconcile(ReconcileOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode status(String job) {
        try {
            return JSON.readTree(sandbox.store.get("_jobform/status/" + job + ".json").orElseThrow().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void conflictsOnTheLeaseAndStatusObjectsConvergeWithoutFalseFailures() {
        // Taking, and later releasing, the lease races another request once each; every
        // third status write and one inventory write answer 409 as well.
        hooks.failNth("s3:PutObject", STATE + "lease\\.json", 1, Fault.CONFLICT);
        hooks.failNth("s3:DeleteObject", STATE + "lease\\.json", 1, Fault.OPERATION_ABORTED);
        for (int n = 1; n <= 21; n += 3) {
            hooks.failNth("s3:PutObject", STATE + "status/.*", n, n % 2 == 0 ? Fault.OPERATION_ABORTED : Fault.CONFLICT);
        }
        hooks.failNth("s3:PutObject", STATE + "inventory\\.json", 1, Fault.CONFLICT);

        ReconcileResult first = reconcile();
        System.out.printf("409s: %d PutObject, %d DeleteObject calls in the first reconcile%n",
                hooks.calls("s3:PutObject"), hooks.calls("s3:DeleteObject"));

        ApplyReport report = first.apply().orElseThrow();
        assertThat(report.failures()).as("no job reported failed when a retry succeeded").isEmpty();
        assertThat(report.complete()).isTrue();
        IntStream.range(0, 20).forEach(i -> {
            JsonNode s = status("job-%02d".formatted(i));
            assertThat(s.path("synced").asBoolean()).as("job-%02d synced", i).isTrue();
            assertThat(s.path("errors")).isEmpty();
        });
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).as("the lease was released despite the 409").isEmpty();
        assertThat(sandbox.store.get("_jobform/inventory.json")).isPresent();

        hooks.clearFaults();
        assertThat(reconcile().plan().orElseThrow().mutating()).as("converged").isEmpty();
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines()).hasSize(20);
    }

    @Test
    void aPermanentAccessDeniedIsReportedOnceForItsJobAndDeletesNothing() throws IOException {
        assertThat(reconcile().apply().orElseThrow().failures()).isEmpty();
        // job-05 gets a new image (a new task definition revision) that this identity may not
        // register; job-07 changes too, and a new job-20 needs a task role it may not create.
        Files.writeString(dir.resolve("job-05.yaml"), ChangeSet.job(5, "2.0", "5 2 * * *", 3600, false, "data-5"));
        Files.writeString(dir.resolve("job-07.yaml"), ChangeSet.job(7, "2.0", "7 2 * * *", 3600, false, "data-7"));
        Files.writeString(dir.resolve("job-20.yaml"), ChangeSet.job(20, "1.0", "20 2 * * *", 3600, true, "data-20"));
        hooks.failAlways("ecs:RegisterTaskDefinition", "jobform-job-05", Fault.ACCESS_DENIED);
        hooks.failAlways("iam:CreateRole", "jobform-job-20", Fault.ACCESS_DENIED);

        for (int run = 1; run <= 2; run++) {
            ApplyReport report = reconcile().apply().orElseThrow();
            List<String> failures = report.failures().stream().map(ChangeFailure::format).toList();
            System.out.printf("access denied, run %d: %s%n", run, failures);
            assertThat(failures).as("run %d", run).hasSize(2);
            assertThat(failures).as("run %d", run).anySatisfy(f -> assertThat(f)
                    .startsWith("TaskDefinition/jobform-job-05: ").contains("AccessDeniedException")
                    .contains("ecs:RegisterTaskDefinition"));
            assertThat(failures).as("run %d", run).anySatisfy(f -> assertThat(f)
                    .startsWith("Role/jobform-job-20: ").contains("AccessDenied").contains("iam:CreateRole"));
            for (String job : List.of("job-05", "job-20")) {
                JsonNode s = status(job);
                assertThat(s.path("synced").asBoolean()).as(job).isFalse();
                assertThat(s.path("errors")).as(job).hasSize(1);
            }
            IntStream.range(0, 20).filter(i -> i != 5).forEach(i ->
                    assertThat(status("job-%02d".formatted(i)).path("synced").asBoolean()).as("job %d", i).isTrue());
        }

        // What job-05 already had is all still there: revision 1, its state machine, its schedule.
        var revisions = sandbox.clients.ecs.listTaskDefinitions(b -> b.familyPrefix("jobform-job-05")
                .status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns();
        assertThat(revisions).hasSize(1).allSatisfy(arn -> assertThat(arn).endsWith(":1"));
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines())
                .anySatisfy(m -> assertThat(m.name()).isEqualTo("jobform-job-05"))
                .noneSatisfy(m -> assertThat(m.name()).isEqualTo("jobform-job-20"));
        sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-job-05"));
        // job-07 got its new revision.
        assertThat(sandbox.clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-job-07"))
                .taskDefinition().revision()).isEqualTo(2);

        hooks.clearFaults();
        assertThat(reconcile().apply().orElseThrow().failures()).isEmpty();
        assertThat(reconcile().plan().orElseThrow().mutating()).as("converged once allowed").isEmpty();
        assertThat(status("job-05").path("synced").asBoolean()).isTrue();
        assertThat(status("job-20").path("synced").asBoolean()).isTrue();
    }
}
