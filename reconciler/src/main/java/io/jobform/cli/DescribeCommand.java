package io.jobform.cli;

import io.jobform.operate.JobDescriptionView;
import io.jobform.operate.JobOperations;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform describe job NAME}: everything about one job. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Shows one job: manifest, validation state, every AWS resource with ARN and console link, "
                + "the last reconcile error, the next 5 fire times and the last 5 runs.")
public final class DescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "job", description = "What to describe: job.")
    String what;

    @Parameters(index = "1", paramLabel = "NAME", description = "The job's metadata.name.")
    String name;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (!List.of("job", "jobs", "scheduledjob").contains(what)) {
            spec.commandLine().getErr().println("jobform describe: unknown resource type " + what
                    + " (use: jobform describe job NAME)");
            return ExitCodes.USAGE;
        }
        return OperateSession.run("describe", spec, engine, (JobOperations ops, java.io.PrintWriter out) -> {
            Instant now = Instant.now();
            JobOperations.Description d = ops.describe(name, now);
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, JobDescriptionView.json(d, now));
            } else {
                out.print(JobDescriptionView.text(d, now));
            }
            return ExitCodes.OK;
        });
    }
}
