package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.bench.BenchManifests;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The no-op reconcile of 1,000 generated jobs read from S3, measured rather than computed from
 * the formula {@link CallBudgetIT} checks at N = 100: at most 50 calls, and every operation's
 * count is a number of pages, never one per job. docs/PERFORMANCE.md records the figures.
 */
class NoOpAtScaleBenchmark extends InSandbox {
    private static final int N = 1_000;

    @Test
    void aNoOpReconcileOfAThousandJobsStaysWithinFiftyCalls() throws Exception {
        ObjectStore manifests = new ObjectStore(sandbox.clients.s3, Sandbox.BUCKET);
        Map<String, String> files = BenchManifests.generate(N);
        files.forEach((name, text) -> manifests.put("manifests/" + name, text.getBytes(StandardCharsets.UTF_8)));
        long schedules = files.values().stream().filter(t -> t.contains("\n  schedule:")).count();
        Reconciler reconciler = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(manifests, "manifests/"),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { }, PropagationRetry.standard());
        assertThat(reconciler.reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();

        sandbox.resetCalls();
        ReconcileResult noOp = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(noOp.plan().orElseThrow().hasChanges()).isFalse();
        assertThat(noOp.fetched()).isZero();
        Map<String, Long> calls = sandbox.calls();
        System.out.println("no-op reconcile of " + N + " jobs (" + schedules + " schedules): " + calls + ", total "
                + calls.values().stream().mapToLong(Long::longValue).sum());

        Map<String, Long> expected = new TreeMap<>();
        expected.put("s3:PutObject", 1L);                     // the lease
        expected.put("s3:DeleteObject", 1L);                  // its release
        expected.put("s3:GetObject", 1L);                     // the inventory
        expected.put("s3:ListObjectsV2", (N + 1 + 999L) / 1000); // N manifests and the JobDefaults file
        expected.put("scheduler:GetScheduleGroup", 1L);
        expected.put("states:ListStateMachines", (N + 999L) / 1000);
        expected.put("ecs:ListTaskDefinitionFamilies", (N + 99L) / 100);
        expected.put("scheduler:ListSchedules", (schedules + 99) / 100);
        expected.put("iam:ListRoles", 1L);
        assertThat(calls).isEqualTo(expected);
        assertThat(calls.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(50);
    }
}
