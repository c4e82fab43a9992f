package io.jobform.reconcile;

import io.jobform.apply.ApplyReport;
import io.jobform.plan.Plan;
import io.jobform.render.RenderResult;
import io.jobform.validate.ValidationReport;
import java.util.Optional;

/**
 * What one reconcile saw and did. When another reconcile held the lease, only {@code leaseHeld}
 * is set and nothing else happened.
 *
 * @param fetched manifests read from the source in this run (the rest came from the ETag cache)
 */
public record ReconcileResult(Optional<String> leaseHeld, Optional<ValidationReport> validation,
        Optional<RenderResult> render, Optional<Plan> plan, Optional<ApplyReport> apply, int manifests, int fetched) {

    public static ReconcileResult leaseHeld(String message) {
        return new ReconcileResult(Optional.of(message), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0);
    }

    public boolean hasInvalidManifests() {
        return validation.map(v -> !v.valid()).orElse(false) || render.map(RenderResult::hasErrors).orElse(false);
    }

    public boolean applyFailed() {
        return apply.map(a -> !a.succeeded()).orElse(false);
    }
}
