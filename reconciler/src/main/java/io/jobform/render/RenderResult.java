package io.jobform.render;

import io.jobform.manifest.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The renderer's answer. A job with a render error contributes no resources: like a job whose
 * manifest is invalid, it is frozen (its existing resources are neither updated nor pruned).
 *
 * @param failedJobs names of the jobs that produced errors
 * @param grants     per rendered job, what it needs from the shared roles (recorded in the inventory)
 */
public record RenderResult(DesiredState desired, List<Violation> violations, Set<String> failedJobs,
        Map<String, JobGrants> grants) {

    public RenderResult {
        violations = List.copyOf(violations);
        failedJobs = Set.copyOf(failedJobs);
        grants = Map.copyOf(grants);
    }

    public boolean hasErrors() {
        return violations.stream().anyMatch(Violation::isError);
    }
}
