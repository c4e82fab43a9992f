package io.jobform.plan;

import java.util.List;
import java.util.Set;

/**
 * What the planner may do beyond creating and updating.
 *
 * @param allowEmpty     prune even when the desired set is empty (otherwise an empty set prunes nothing)
 * @param maxDeletions   more deletions than this prune nothing at all
 * @param frozenJobs     jobs whose manifest is invalid: none of their resources change
 * @param frozenManifests manifest keys that are invalid: resources created from them do not change
 * @param unattributed   invalid manifest keys that name no job: unless resources made from the key
 *                       exist, they may be any job's (moved and broken), so nothing is pruned
 * @param holds          reasons, known before planning, to prune nothing (an unreadable inventory)
 * @param granted        jobs whose needs the rendered shared roles include (valid ones, and those whose last
 *                       grants are retained): the shared roles may change while such a job is frozen or held
 */
public record PlanPolicy(boolean allowEmpty, int maxDeletions, Set<String> frozenJobs, Set<String> frozenManifests,
        Set<String> unattributed, List<String> holds, Set<String> granted) {

    public static final int DEFAULT_MAX_DELETIONS = 10;

    public PlanPolicy {
        if (maxDeletions < 0) {
            throw new IllegalArgumentException("maxDeletions must not be negative");
        }
        frozenJobs = Set.copyOf(frozenJobs);
        frozenManifests = Set.copyOf(frozenManifests);
        unattributed = Set.copyOf(unattributed);
        holds = List.copyOf(holds);
        granted = Set.copyOf(granted);
    }

    public PlanPolicy(boolean allowEmpty, int maxDeletions, Set<String> frozenJobs, Set<String> frozenManifests) {
        this(allowEmpty, maxDeletions, frozenJobs, frozenManifests, Set.of(), List.of(), Set.of());
    }

    public static PlanPolicy defaults() {
        return new PlanPolicy(false, DEFAULT_MAX_DELETIONS, Set.of(), Set.of());
    }

    public PlanPolicy withFrozen(Set<String> jobs, Set<String> manifests) {
        return new PlanPolicy(allowEmpty, maxDeletions, jobs, manifests, unattributed, holds, granted);
    }

    public PlanPolicy withUnattributed(Set<String> keys) {
        return new PlanPolicy(allowEmpty, maxDeletions, frozenJobs, frozenManifests, keys, holds, granted);
    }

    public boolean frozen(ObservedResource observed) {
        return observed.job().map(frozenJobs::contains).orElse(false)
                || observed.manifest().map(frozenManifests::contains).orElse(false);
    }
}
