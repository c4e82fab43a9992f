package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact AWS calls of a reconcile of N = 100 jobs read from S3, as the Lambda runs it. A
 * change that adds per-job calls to a no-op fails here.
 */
class CallBudgetIT {
    private static final int N = 100;

    @TempDir
    Path work;
    Sandbox sandbox;
    Reconciler reconciler;

    @BeforeEach
    void start() throws Exception {
        sandbox = new Sandbox(work);
        ObjectStore manifests = new ObjectStore(sandbox.clients.s3, Sandbox.BUCKET);
        manifests.put("manifests/_defaults.yaml",
                Files.readAllBytes(Sandbox.repoRoot().resolve("manifests/_defaults.yaml")));
        for (int i = 0; i < N; i++) {
            manifests.put("manifests/job-" + i + ".yaml", job(i).getBytes(StandardCharsets.UTF_8));
        }
        reconciler = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(manifests, "manifests/"),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { }, PropagationRetry.standard());
        ReconcileResult created = reconciler.reconcile(ReconcileOptions.defaults().withMaxDeletions(N));
        assertThat(created.apply().orElseThrow().failures()).isEmpty();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Every third job declares permissions (a task role), every job has a schedule. */
    private static String job(int i) {
        String permissions = i % 3 == 0 ? "  permissions:\n    - {effect: Allow, actions: [\"s3:GetObject\"], "
                + "resources: [\"arn:aws:s3:::data-" + i + "/*\"]}\n" : "";
        return "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: job-" + i + "\nspec:\n"
                + "  schedule:\n    cron: \"" + (i % 60) + " * * * *\"\n    timezone: Europe/Berlin\n  container:\n"
                + "    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/job:" + i + "\n" + permissions;
    }

    @Test
    void noOpReconcileMakesAConstantNumberOfCalls() throws Exception {
        sandbox.resetCalls();
        ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(result.plan().orElseThrow().hasChanges()).isFalse();
        assertThat(result.fetched()).isZero();
        // 201 tagged resources (100 task definitions, 100 state machines, the group) at 100 per page;
        // 100 schedules at 100 per page; roles fit one ListRoles page; the lease is one put and one delete.
        assertThat(sandbox.calls()).isEqualTo(Map.of(
                "s3:PutObject", 1L, "s3:DeleteObject", 1L, "s3:GetObject", 1L, "s3:ListObjectsV2", 1L,
                "tagging:GetResources", 3L, "scheduler:ListSchedules", 1L, "iam:ListRoles", 1L));
    }

    @Test
    void oneChangedManifestCostsOnlyItsOwnCalls() throws Exception {
        new ObjectStore(sandbox.clients.s3, Sandbox.BUCKET).put("manifests/job-7.yaml",
                job(7).replace("job:7", "job:7b").getBytes(StandardCharsets.UTF_8));
        sandbox.resetCalls();
        ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(result.fetched()).isEqualTo(1);
        assertThat(Sandbox.changes(result)).containsExactly("update TaskDefinition/jobform-job-7",
                "retire revisions TaskDefinition/jobform-job-7");
        Map<String, Long> calls = sandbox.calls();
        // GetObject: the inventory, the changed manifest, the job's last applied field hashes.
        assertThat(calls).containsEntry("ecs:RegisterTaskDefinition", 1L).containsEntry("s3:GetObject", 3L)
                .containsEntry("tagging:GetResources", 3L).containsEntry("scheduler:ListSchedules", 1L);
        assertThat(calls.keySet()).noneMatch(k -> k.startsWith("scheduler:Get") || k.startsWith("states:"));
    }
}
