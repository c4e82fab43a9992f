package io.jobform.apply;

import io.jobform.plan.Change;
import java.util.List;

/**
 * What an apply did.
 *
 * @param applied  changes whose calls succeeded
 * @param failures each failed change as {@code Kind/name: reason}
 * @param notRun   changes not attempted: their job had an earlier failure
 * @param deferred changes left for the next reconcile because the deadline came near
 */
public record ApplyReport(List<AppliedChange> applied, List<ChangeFailure> failures, List<Change> notRun,
        List<Change> deferred) {

    public ApplyReport {
        applied = List.copyOf(applied);
        failures = List.copyOf(failures);
        notRun = List.copyOf(notRun);
        deferred = List.copyOf(deferred);
    }

    public static ApplyReport empty() {
        return new ApplyReport(List.of(), List.of(), List.of(), List.of());
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    public boolean complete() {
        return failures.isEmpty() && notRun.isEmpty() && deferred.isEmpty();
    }
}
