package io.jobform.cli;

import io.jobform.reconcile.ReconcileResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobform plan}: what apply would change, touching nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows what apply would change: a diff per resource, prune candidates, guard decisions and "
                + "the next runs of new or changed schedules. Exit 0 ok, 3 invalid manifests, 1 error; with "
                + "--detailed-exitcode also 4 when changes are pending.")
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text",
            description = "text, markdown (a PR comment) or json (--format: the old name).")
    PlanPrinter.Format format;

    @Option(names = "--detailed-exitcode", description = "Exit 4 when changes are pending, 0 when none.")
    boolean detailedExitcode;

    @Mixin
    PruneOptions prune;

    @Mixin
    LimitOptions limits;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        io.jobform.calendar.FargateLimits fargate;
        try {
            fargate = limits.resolve(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("jobform plan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (Engine session = Engine.open(engine, err::println)) {
            ReconcileResult result = session.reconciler.reconcile(prune.reconcileOptions(System.getenv()).withDryRun(true));
            Instant now = Instant.now();
            ProblemLines.print("plan", result, err);
            out.print(PlanPrinter.print(result, format, session.settings.source(), session.target, now));
            if (format == PlanPrinter.Format.markdown && result.plan().isPresent()) {
                out.print(PlanPeaks.markdown(result, fargate, now));
            }
            out.flush();
            if (result.hasInvalidManifests()) {
                return ExitCodes.INVALID_MANIFESTS;
            }
            boolean changes = result.plan().map(p -> p.hasChanges()).orElse(false);
            return detailedExitcode && changes ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("jobform plan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
