package io.jobform.lambda;

import java.time.Instant;

/**
 * The seam between the Lambda shell and the reconcile engine: runs one reconcile of the
 * whole manifest set and stops starting new work at {@code deadline}. Implementations turn
 * every failure into a {@link ReconcileOutcome} (they do not throw for AWS errors).
 */
@FunctionalInterface
public interface ReconcileRunner {

    ReconcileOutcome run(ReconcileRequest request, Instant deadline);
}
