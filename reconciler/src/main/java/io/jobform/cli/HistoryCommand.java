package io.jobform.cli;

import io.jobform.operate.Execution;
import io.jobform.operate.HistoryTable;
import io.jobform.operate.JobOperations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform history NAME}: the job's recent runs. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Recent executions of a job, newest first: start, duration, status, container exit code and "
                + "how it was started (schedule, manual, console/api).")
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "NAME", description = "The job's metadata.name.")
    String name;

    @Option(names = "--limit", defaultValue = "10", description = "How many executions (1..1000, default 10).")
    int limit;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) {
            spec.commandLine().getErr().println("jobform history: --limit must be 1..1000, not " + limit);
            return ExitCodes.USAGE;
        }
        return OperateSession.run("history", spec, engine, (JobOperations ops, PrintWriter out) -> {
            List<Execution> runs = ops.history(name, limit);
            Instant now = Instant.now();
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, HistoryTable.json(name, runs, now));
            } else {
                out.print(HistoryTable.text(runs, now));
            }
            return ExitCodes.OK;
        });
    }
}
