package io.jobform.cli;

import io.jobform.apply.ApplyReport;
import io.jobform.manifest.Violation;
import io.jobform.reconcile.ReconcileResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong or was held back in a reconcile, as the human lines for stderr: manifest and
 * render violations, each guard once (it names what lifts it), failed changes. The plan or the
 * summary, the requested output, goes to stdout, so a redirected report stays clean.
 */
final class ProblemLines {

    private ProblemLines() {}

    static List<String> of(String command, ReconcileResult result) {
        List<String> lines = new ArrayList<>();
        result.validation().ifPresent(v -> v.violations().stream().map(Violation::format).forEach(lines::add));
        result.render().ifPresent(r -> r.violations().stream().map(Violation::format).forEach(lines::add));
        result.plan().ifPresent(p -> p.guards().forEach(g -> lines.add("jobform " + command + ": " + g)));
        result.apply().map(ApplyReport::failures).orElse(List.of())
                .forEach(f -> lines.add("jobform " + command + ": error: " + f.format()));
        return lines;
    }

    static void print(String command, ReconcileResult result, PrintWriter err) {
        of(command, result).forEach(err::println);
        err.flush();
    }
}
