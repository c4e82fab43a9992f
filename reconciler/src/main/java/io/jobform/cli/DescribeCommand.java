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

/** {@code jobform describe [job] NAME}: everything about one job. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Shows one job: manifest, validation state, every AWS resource with ARN and console link, "
                + "the last reconcile error, the next 5 fire times and the last 5 runs.")
public final class DescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..2", paramLabel = "[job] NAME", description = "The job's metadata.name, optionally "
            + "after the resource type: describe job NAME and describe NAME are the same.")
    List<String> args;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (args.size() == 2 && !List.of("job", "jobs", "scheduledjob").contains(args.get(0))) {
            return Usage.error(spec, "unknown resource type " + args.get(0) + " (use: jobform describe [job] NAME)");
        }
        String name = args.get(args.size() - 1);
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
