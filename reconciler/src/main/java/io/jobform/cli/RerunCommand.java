package io.jobform.cli;

import io.jobform.operate.ConsoleUrls;
import io.jobform.operate.JobOperations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform rerun EXECUTION_ARN}: redrive, or a new execution with the same input. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Redrives a failed, timed-out or aborted execution when Step Functions allows it (Standard "
                + "workflows, stopped within 14 days); otherwise, or with --new, starts manual-<UTC timestamp> "
                + "with the same job input.")
public final class RerunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "The execution to run again.")
    String executionArn;

    @Option(names = "--new", description = "Always start a new execution instead of redriving.")
    boolean forceNew;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        return OperateSession.run("rerun", spec, engine, (JobOperations ops, PrintWriter out) -> {
            JobOperations.Rerun r = ops.rerun(executionArn, forceNew, Instant.now());
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("job", r.job()).put("mode", r.redriven() ? "redrive" : "new")
                        .put("executionArn", r.executionArn()).put("reason", r.reason())
                        .put("console", ConsoleUrls.execution(r.executionArn())));
            } else {
                out.println((r.redriven() ? "Redrove " : "Started ") + JobOperations.subject(r.job()) + " execution "
                        + r.executionArn().substring(r.executionArn().lastIndexOf(':') + 1) + ": " + r.reason());
                out.println("  arn:     " + r.executionArn());
                out.println("  console: " + ConsoleUrls.execution(r.executionArn()));
            }
            return ExitCodes.OK;
        });
    }
}
