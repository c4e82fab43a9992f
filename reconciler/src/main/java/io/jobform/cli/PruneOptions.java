package io.jobform.cli;

import io.jobform.plan.PlanPolicy;
import io.jobform.reconcile.ReconcileOptions;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The prune guards plan and apply share: what they plan or prune when manifests disappear. */
public final class PruneOptions {

    @Option(names = "--allow-empty", description = "Prune even when no valid manifest is left.")
    boolean allowEmpty;

    @Option(names = "--max-deletions", description = "Prune nothing when more jobs than this would be pruned "
            + "(default: $JOBFORM_MAX_DELETIONS or 10).")
    Optional<Integer> maxDeletions = Optional.empty();

    /** The default reconcile with these guards; the flag wins over a whole number in JOBFORM_MAX_DELETIONS. */
    ReconcileOptions reconcileOptions(Map<String, String> env) {
        int limit = maxDeletions.or(() -> Optional.ofNullable(env.get("JOBFORM_MAX_DELETIONS"))
                .filter(s -> s.matches("\\d+")).map(Integer::parseInt)).orElse(PlanPolicy.DEFAULT_MAX_DELETIONS);
        return ReconcileOptions.defaults().withAllowEmpty(allowEmpty).withMaxDeletions(limit);
    }
}
