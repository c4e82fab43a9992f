package io.jobform.cli;

import io.jobform.config.WholeNumber;
import io.jobform.plan.PlanPolicy;
import io.jobform.reconcile.ReconcileOptions;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The prune guards plan and apply share: what they plan or prune when manifests disappear. */
public final class PruneOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--allow-empty", description = "Prune even when no valid manifest is left.")
    boolean allowEmpty;

    @Option(names = "--max-deletions", description = "Prune nothing when more jobs than this would be pruned "
            + "(default: $JOBFORM_MAX_DELETIONS or 10).")
    Optional<String> maxDeletions = Optional.empty();

    /**
     * The default reconcile with these guards; the flag wins over JOBFORM_MAX_DELETIONS. A value
     * that is not a plain whole number in range is a usage error naming the setting.
     */
    ReconcileOptions reconcileOptions(Map<String, String> env) {
        int limit;
        try {
            WholeNumber flag = new WholeNumber("--max-deletions", 0, WholeNumber.MAX_DELETIONS.max());
            limit = maxDeletions.map(flag::parse)
                    .or(() -> Optional.ofNullable(env.get(WholeNumber.MAX_DELETIONS.setting()))
                            .map(WholeNumber.MAX_DELETIONS::parse))
                    .orElse(PlanPolicy.DEFAULT_MAX_DELETIONS);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return ReconcileOptions.defaults().withAllowEmpty(allowEmpty).withMaxDeletions(limit);
    }
}
