package io.jobform.cli;

import io.jobform.apply.ApplyReport;
import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobform apply}: the same reconcile the Lambda runs, from the command line. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Reconciles the manifests into AWS (or the local emulator with --local): creates, updates and "
                + "prunes, then writes status. Exit 0 ok, 1 a change failed or another reconcile holds the lease, "
                + "3 invalid manifests (their jobs are frozen).")
public final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--dry-run", description = "Plan only; change nothing.")
    boolean dryRun;

    @Option(names = "--deep", description = "Read every owned resource live and update the ones that differ "
            + "from the manifests (changes made in the console).")
    boolean deep;

    @Mixin
    PruneOptions prune;

    // Hidden: tests and operators reproducing a crashed holder need a short lease.
    @Option(names = "--lease-seconds", hidden = true,
            description = "Lease duration in seconds, 1 to 900 (default: 60, renewed while the work runs).")
    Optional<Integer> leaseSeconds = Optional.empty();

    @Option(names = "--lease-wait-seconds", hidden = true,
            description = "How long to wait for a held lease before exiting (default: 10).")
    Optional<Integer> leaseWaitSeconds = Optional.empty();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Engine session = Engine.open(engine, new ProgressLines(out, err))) {
            out.println("jobform apply: " + session.settings.source() + " -> " + session.target);
            out.flush();
            ReconcileOptions options = prune.reconcileOptions(System.getenv()).withDryRun(dryRun).withDeep(deep);
            if (leaseSeconds.isPresent()) {
                Duration lease = Duration.ofSeconds(leaseSeconds.get());
                if (lease.isNegative() || lease.isZero() || lease.compareTo(Lease.MAX_DURATION) > 0) {
                    throw new IllegalArgumentException("--lease-seconds must be 1 to " + Lease.MAX_DURATION.toSeconds());
                }
                options = options.withLeaseDuration(lease);
            }
            if (leaseWaitSeconds.isPresent()) {
                options = options.withLeaseWait(Duration.ofSeconds(leaseWaitSeconds.get()));
            }
            ReconcileResult result = session.reconciler.reconcile(options);
            if (result.leaseHeld().isPresent()) {
                err.println("jobform apply: " + result.leaseHeld().get());
                return ExitCodes.ERROR;
            }
            ProblemLines.print("apply", result, err);
            if (dryRun) {
                out.print(PlanPrinter.text(result, session.settings.source(), session.target, Instant.now()));
            } else {
                printSummary(result, out);
            }
            out.flush();
            if (result.applyFailed()) {
                return ExitCodes.ERROR;
            }
            return result.hasInvalidManifests() ? ExitCodes.INVALID_MANIFESTS : ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("jobform apply: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** The outcome in counts; what went wrong is on stderr ({@link ProblemLines}). */
    private static void printSummary(ReconcileResult result, PrintWriter out) {
        ApplyReport report = result.apply().orElse(ApplyReport.empty());
        int unchanged = result.plan().map(p -> p.counts().get(io.jobform.plan.Change.Action.KEEP)).orElse(0);
        out.println("Apply: " + report.applied().size() + " change(s) applied, " + report.failures().size()
                + " failed, " + report.notRun().size() + " not attempted, " + unchanged + " unchanged"
                + (report.deferred().isEmpty() ? "." : ", " + report.deferred().size()
                        + " left for the next reconcile (time budget)."));
        if (report.applied().isEmpty() && report.failures().isEmpty()) {
            out.println(UpToDate.line(result));
        }
    }
}
