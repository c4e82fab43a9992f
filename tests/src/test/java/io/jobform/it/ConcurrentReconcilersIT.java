package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Several reconcilers on one instance at once, and S3 events that are lost, duplicated or
 * reordered: the lease lets one work at a time, and the next resync converges.
 */
class ConcurrentReconcilersIT extends OnChangeSet {

    private ReconcileResult reconcile(ReconcileOptions options) {
        Reconciler reconciler = sandbox.reconciler(Sandbox.config("jobform"), dir);
        try {
            return reconciler.reconcile(options);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} reconcilers")
    @ValueSource(ints = {2, 3, 4})
    void exactlyOneWorksAtATime(int contenders) throws Exception {
        sandbox.emulator.hooks().latency(Duration.ofMillis(5));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<ReconcileResult>> futures = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return reconcile(ReconcileOptions.defaults().withLeaseWait(Duration.ZERO));
            }));
        }
        go.countDown();
        List<ReconcileResult> results = new ArrayList<>();
        for (Future<ReconcileResult> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();

        long worked = results.stream().filter(r -> r.plan().map(p -> !p.mutating().isEmpty()).orElse(false)).count();
        assertThat(worked).as("reconcilers that applied changes").isEqualTo(1);
        assertThat(results).allSatisfy(r -> assertThat(r.applyFailed()).isFalse());
        System.out.printf("%d reconcilers: 1 applied, %d found the lease held%n", contenders,
                results.stream().filter(r -> r.leaseHeld().isPresent()).count());
        // One of each create: two reconcilers working at once would both have tried to create.
        assertThat(sandbox.calls()).containsEntry("states:CreateStateMachine", 20L)
                .containsEntry("scheduler:CreateSchedule", 20L);
        sandbox.emulator.hooks().clearLatency();
        assertThat(reconcile(ReconcileOptions.defaults()).plan().orElseThrow().mutating()).isEmpty();
    }

    /**
     * Events are only hints: a change whose event was lost is picked up by the next reconcile, a
     * duplicated event finds nothing to do, and a stale (reordered) event reads the current set.
     */
    @Test
    void lostDuplicatedAndReorderedEventsConvergeOnResync() throws Exception {
        reconcile(ReconcileOptions.defaults());
        // Lost: three changes land, no reconcile runs for any of them.
        Files.delete(dir.resolve("job-19.yaml"));
        Files.writeString(dir.resolve("job-20.yaml"), ChangeSet.job(20, "1.0", "0 3 * * *", 3600, false, "x"));
        Files.writeString(dir.resolve("job-05.yaml"), ChangeSet.job(5, "3.0", "5 2 * * *", 3600, false, "x"));
        // The periodic resync, then the same event delivered twice and an old one after them.
        ReconcileResult resync = reconcile(ReconcileOptions.defaults());
        assertThat(Sandbox.changes(resync)).contains("create StateMachine/jobform-job-20",
                "delete StateMachine/jobform-job-19", "update TaskDefinition/jobform-job-05");
        for (int i = 0; i < 3; i++) {
            assertThat(reconcile(ReconcileOptions.defaults()).plan().orElseThrow().mutating()).isEmpty();
        }
        List<String> machines = sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream()
                .map(s -> s.name()).sorted().toList();
        assertThat(machines).hasSize(20).contains("jobform-job-20").doesNotContain("jobform-job-19");
    }
}
