package io.jobform.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Apply's progress as it happens: each change on stdout, warnings on stderr. The lease message
 * is left out here because the command reports a held lease itself, once, on stderr; a failed
 * change keeps its place on stdout without its reason, which the command prints once, on stderr,
 * with the other problems.
 */
final class ProgressLines implements Consumer<String> {
    private final PrintWriter out;
    private final PrintWriter err;

    ProgressLines(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void accept(String line) {
        if (line.startsWith(io.jobform.reconcile.Lease.Held.MESSAGE_START)) {
            return;
        }
        PrintWriter to = line.startsWith("warning:") ? err : out;
        int reason = line.indexOf(": ");
        to.println(line.startsWith(io.jobform.apply.Applier.FAILED) && reason > 0 ? line.substring(0, reason) + " (the reason is on stderr)" : line);
        to.flush();
    }
}
