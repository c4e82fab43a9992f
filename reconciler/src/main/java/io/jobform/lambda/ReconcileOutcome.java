package io.jobform.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one reconcile did, as far as the Lambda shell needs to know: enough for the summary
 * log line, the metrics and the SQS batch item failures.
 *
 * @param changesByAction    applied (or, for a plan, planned) changes by action, e.g. {@code Create -> 3}
 * @param failures           changes that failed
 * @param invalidManifests   manifests rejected by validation (their jobs are frozen)
 * @param apiCalls           AWS API calls made, when the runner counts them
 * @param failedManifestKeys manifests whose changes failed: their triggering messages are retried
 * @param entries            per-job/resource lines to log
 */
public record ReconcileOutcome(
        Status status,
        Map<String, Integer> changesByAction,
        int failures,
        int invalidManifests,
        OptionalInt apiCalls,
        Set<String> failedManifestKeys,
        List<Entry> entries) {

    public enum Status {
        /** Everything planned was attempted. */
        COMPLETED,
        /** Stopped starting new work at the deadline; the next trigger resumes. */
        STOPPED_AT_DEADLINE,
        /** Another reconcile of this instance holds the lease. */
        LEASE_HELD,
        /** Could not reconcile at all (e.g. the manifest prefix could not be listed). */
        FAILED
    }

    /** One log line about a job or resource, e.g. {@code Update StateMachine/jobform-nightly}. */
    public record Entry(boolean error, Optional<String> job, Optional<String> resource, String message) {}

    public ReconcileOutcome {
        changesByAction = new TreeMap<>(changesByAction);
        failedManifestKeys = Set.copyOf(failedManifestKeys);
        entries = List.copyOf(entries);
    }

    public static ReconcileOutcome failed(String reason) {
        return new ReconcileOutcome(Status.FAILED, Map.of(), 0, 0, OptionalInt.empty(), Set.of(),
                List.of(new Entry(true, Optional.empty(), Optional.empty(), reason)));
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public int totalChanges() {
        return changesByAction.values().stream().mapToInt(Integer::intValue).sum();
    }
}
