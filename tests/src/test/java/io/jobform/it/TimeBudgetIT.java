package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.apply.ApplyReport;
import io.jobform.aws.PropagationRetry;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Near its deadline a reconcile starts no new work, records status, and the next one resumes. */
class TimeBudgetIT extends InSandbox {

    @Test
    void stopsStartingWorkNearTheDeadlineAndTheNextRunResumes() throws Exception {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        // Every clock read is one second later: the budget below allows a handful of steps only.
        SteppingClock clock = new SteppingClock(start, Duration.ofSeconds(1));
        Reconciler budgeted = new Reconciler(Sandbox.config("jobform"), new DirectoryManifestSource(sandbox.manifests),
                sandbox.store, sandbox.clients, clock, sandbox.progress::add, PropagationRetry.standard());
        ReconcileResult first = budgeted.reconcile(ReconcileOptions.defaults()
                .withDeadline(start.plus(Duration.ofSeconds(25)), Duration.ofSeconds(5)));
        ApplyReport partial = first.apply().orElseThrow();
        assertThat(partial.failures()).isEmpty();
        assertThat(partial.deferred()).isNotEmpty();
        assertThat(partial.applied()).isNotEmpty();
        String summary = new String(sandbox.store.get("_jobform/status/_summary.json").orElseThrow().body());
        assertThat(summary).contains("\"deferred\" : " + (partial.deferred().size() + partial.notRun().size()));

        Set<String> done = new HashSet<>();
        partial.applied().forEach(a -> done.add(a.change().id().toString()));
        ReconcileResult resumed = sandbox.apply();
        assertThat(resumed.apply().orElseThrow().failures()).isEmpty();
        assertThat(resumed.plan().orElseThrow().mutating()).extracting(c -> c.id().toString())
                .doesNotContainAnyElementsOf(done);
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }
}
