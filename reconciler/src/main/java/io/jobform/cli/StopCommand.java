package io.jobform.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jobform.operate.ConsoleUrls;
import io.jobform.operate.ExecutionNames;
import io.jobform.operate.JobOperations;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform stop JOB [EXECUTION]}: StopExecution with a cause; Step Functions stops the ECS task. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stops a running execution (ABORTED, redrivable with rerun). Without EXECUTION: the job's one "
                + "running execution; when several run, name one.")
public final class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job's metadata.name.")
    String job;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXECUTION", description = "Execution name or ARN.")
    Optional<String> execution = Optional.empty();

    @Option(names = "--cause", paramLabel = "TEXT", defaultValue = "stopped with jobform stop",
            description = "Recorded as the execution's cause (default: ${DEFAULT-VALUE}).")
    String cause;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (cause.length() > 32_768) {
            return Usage.error(spec, "--cause is at most 32768 characters (StopExecution)");
        }
        return OperateSession.run("stop", spec, engine, (JobOperations ops, PrintWriter out) -> {
            JobOperations.Stopped s = ops.stop(job, execution, cause);
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, JsonNodeFactory.instance.objectNode().put("job", s.job())
                        .put("executionArn", s.executionArn()).put("name", ExecutionNames.nameOf(s.executionArn()))
                        .put("stopDate", s.stopDate().toString()).put("cause", cause));
            } else {
                out.println("Stopped " + JobOperations.subject(s.job()) + " execution "
                        + ExecutionNames.nameOf(s.executionArn()) + ": " + cause);
                out.println("  arn:     " + s.executionArn());
                out.println("  console: " + ConsoleUrls.execution(s.executionArn()));
            }
            return ExitCodes.OK;
        });
    }
}
