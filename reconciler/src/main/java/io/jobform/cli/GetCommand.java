package io.jobform.cli;

import io.jobform.operate.Durations;
import io.jobform.operate.JobOperations;
import io.jobform.operate.JobsTable;
import io.jobform.operate.JobsWatch;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform get jobs [NAME]}: every job (or one) with its schedule, last run and next run. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Lists jobs: NAME, SCHEDULE (with time zone), SUSPENDED, STATE and REVISION (live), LAST RUN, RESULT, NEXT RUN, SYNCED. "
                + "Reads the status objects and makes one ListExecutions call per deployed job.")
public final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "jobs", description = "What to list: jobs.")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Only this job.")
    Optional<String> name = Optional.empty();

    @Option(names = {"-w", "--watch"}, description = "After the list, print it again whenever a run starts or ends, "
            + "a result or the sync state changes (every 5 s, slower for many jobs), until interrupted.")
    boolean watch;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (!List.of("jobs", "job", "scheduledjobs").contains(what)) {
            return Usage.error(spec, "unknown resource type " + what + " (use: jobform get jobs [NAME])");
        }
        return OperateSession.run("get", spec, engine, (JobOperations ops, PrintWriter out) -> {
            String shown = "";
            while (true) {
                Instant now = Instant.now();
                List<JobOperations.JobRow> rows = name.map(n -> List.of(ops.job(n, now))).orElseGet(() -> ops.jobs(now));
                String signature = JobsWatch.signature(rows);
                if (!signature.equals(shown)) {
                    if (!shown.isEmpty()) {
                        out.println();
                        out.println("--- " + Durations.utc(now));
                    }
                    if (output == OutputFormat.json) {
                        OperateSession.printJson(out, JobsTable.json(rows, now));
                    } else {
                        out.print(JobsTable.text(rows, now));
                    }
                    out.flush();
                    shown = signature;
                }
                if (!watch) {
                    return ExitCodes.OK;
                }
                Thread.sleep(JobsWatch.interval(rows.size()).toMillis());
            }
        });
    }
}
