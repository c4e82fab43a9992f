package io.jobform.cli;

import io.jobform.operate.JobOperations;
import io.jobform.operate.JobsTable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform get jobs}: every job with its schedule, last run and next run. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Lists jobs: NAME, SCHEDULE (with time zone), SUSPENDED, LAST RUN, RESULT, NEXT RUN, SYNCED. "
                + "Reads the status objects and makes one ListExecutions call per deployed job.")
public final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "jobs", description = "What to list: jobs.")
    String what;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (!List.of("jobs", "job", "scheduledjobs").contains(what)) {
            spec.commandLine().getErr().println("jobform get: unknown resource type " + what + " (use: jobform get jobs)");
            return ExitCodes.USAGE;
        }
        return OperateSession.run("get", spec, engine, (JobOperations ops, java.io.PrintWriter out) -> {
            Instant now = Instant.now();
            List<JobOperations.JobRow> rows = ops.jobs(now);
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, JobsTable.json(rows, now));
            } else {
                out.print(JobsTable.text(rows, now));
            }
            return ExitCodes.OK;
        });
    }
}
