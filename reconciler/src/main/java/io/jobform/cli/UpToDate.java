package io.jobform.cli;

import io.jobform.apply.ApplyReport;
import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The closing line of an apply that changed nothing: "Everything is up to date." only when
 * nothing is pending, frozen by an invalid manifest or held back by a guard; otherwise what
 * is left and why.
 */
final class UpToDate {
    private UpToDate() {}

    static String line(ReconcileResult result) {
        List<String> left = new ArrayList<>();
        int held = result.plan().map(p -> p.counts().get(Change.Action.SKIP)).orElse(0);
        if (held > 0) {
            left.add(held + " change(s) held back (the reason is on stderr)");
        }
        long invalid = result.validation().map(v -> v.violations().stream().filter(x -> x.isError())
                .map(x -> x.position().file()).distinct().count()).orElse(0L);
        if (invalid > 0) {
            left.add(invalid + " manifest(s) invalid, their jobs frozen as they were");
        }
        ApplyReport report = result.apply().orElse(ApplyReport.empty());
        if (!report.notRun().isEmpty() || !report.deferred().isEmpty()) {
            left.add(report.notRun().size() + report.deferred().size() + " change(s) pending");
        }
        return left.isEmpty() ? "Everything is up to date." : "Nothing changed, but not up to date: "
                + String.join("; ", left) + ".";
    }
}
