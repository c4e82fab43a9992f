package io.jobform.reconcile;

import io.jobform.plan.PlanPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one reconcile runs.
 *
 * @param dryRun       plan only: no lease, no AWS or S3 writes
 * @param deep         read past the tags: every owned resource is re-applied, repairing console edits
 * @param deadline     no new change starts after {@code deadline - margin} (a Lambda's remaining time)
 * @param leaseWait    how long a contender waits for the lease before it gives up
 * @param workers      jobs applied in parallel
 * @param leaseDuration how long the lease lasts without renewal, so how long a crashed holder blocks
 *                      the others; a heartbeat renews it while the work runs. Empty: {@link Lease#DEFAULT_DURATION}
 */
public record ReconcileOptions(boolean dryRun, boolean deep, boolean allowEmpty, int maxDeletions,
        Optional<Instant> deadline, Duration margin, Duration leaseWait, int workers,
        Optional<Duration> leaseDuration) {

    public static ReconcileOptions defaults() {
        return new ReconcileOptions(false, false, false, PlanPolicy.DEFAULT_MAX_DELETIONS, Optional.empty(),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 4, Optional.empty());
    }

    public ReconcileOptions withDryRun(boolean value) {
        return new ReconcileOptions(value, deep, allowEmpty, maxDeletions, deadline, margin, leaseWait, workers,
                leaseDuration);
    }

    public ReconcileOptions withDeep(boolean value) {
        return new ReconcileOptions(dryRun, value, allowEmpty, maxDeletions, deadline, margin, leaseWait, workers,
                leaseDuration);
    }

    public ReconcileOptions withAllowEmpty(boolean value) {
        return new ReconcileOptions(dryRun, deep, value, maxDeletions, deadline, margin, leaseWait, workers,
                leaseDuration);
    }

    public ReconcileOptions withMaxDeletions(int value) {
        return new ReconcileOptions(dryRun, deep, allowEmpty, value, deadline, margin, leaseWait, workers,
                leaseDuration);
    }

    public ReconcileOptions withDeadline(Instant value, Duration safety) {
        return new ReconcileOptions(dryRun, deep, allowEmpty, maxDeletions, Optional.of(value), safety, leaseWait,
                workers, leaseDuration);
    }

    public ReconcileOptions withLeaseWait(Duration value) {
        return new ReconcileOptions(dryRun, deep, allowEmpty, maxDeletions, deadline, margin, value, workers,
                leaseDuration);
    }

    public ReconcileOptions withLeaseDuration(Duration value) {
        return new ReconcileOptions(dryRun, deep, allowEmpty, maxDeletions, deadline, margin, leaseWait, workers,
                Optional.of(value));
    }
}
