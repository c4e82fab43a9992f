package io.jobform.cli;

import io.jobform.operate.ConsoleUrls;
import io.jobform.operate.Durations;
import io.jobform.operate.Execution;
import io.jobform.operate.ExecutionRef;
import io.jobform.operate.JobOperations;
import io.jobform.operate.RunReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
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

/** {@code jobform rerun EXECUTION_ARN | JOB EXECUTION}: redrive, or a new execution with the same input. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Redrives a failed, timed-out or aborted execution when Step Functions allows it (Standard "
                + "workflows, stopped within 14 days); otherwise, or with --new, starts manual-<UTC timestamp> "
                + "with the same job input. Name the execution by its ARN, or by job and the name history prints.")
public final class RerunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..2", paramLabel = "EXECUTION_ARN | JOB EXECUTION",
            description = "The execution's ARN, or the job's name and the execution's name.")
    List<String> target;

    @Option(names = "--new", description = "Always start a new execution instead of redriving.")
    boolean forceNew;

    @Option(names = "--wait", description = "Wait for the run to finish; exit 0 when the container succeeded.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "With --wait: give up after this long.")
    Optional<String> timeout = Optional.empty();

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        if (target.size() == 1 && !ExecutionRef.isArn(target.get(0))) {
            return Usage.error(spec, target.get(0) + " is not an execution ARN; name the job too: jobform rerun JOB "
                    + target.get(0));
        }
        if (timeout.isPresent() && !wait) {
            return Usage.error(spec, "--timeout needs --wait");
        }
        Optional<Duration> limit;
        try {
            limit = timeout.map(Durations::parse);
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        return OperateSession.run("rerun", spec, engine, (JobOperations ops, PrintWriter out) -> {
            Instant now = Instant.now();
            JobOperations.Rerun r = target.size() == 1 ? ops.rerun(target.get(0), forceNew, now)
                    : ops.rerun(target.get(0), target.get(1), forceNew, now);
            Optional<Execution> done = Optional.empty();
            if (output == OutputFormat.text) {
                out.println((r.redriven() ? "Redrove " : "Started ") + JobOperations.subject(r.job()) + " execution "
                        + r.executionArn().substring(r.executionArn().lastIndexOf(':') + 1) + ": " + r.reason());
                out.println("  arn:     " + r.executionArn());
                out.println("  console: " + ConsoleUrls.execution(r.executionArn()));
                out.flush();
            }
            if (wait) {
                done = Optional.of(ops.await(r.executionArn(), limit, Clock.systemUTC(), d -> Thread.sleep(d.toMillis())));
                if (output == OutputFormat.text) {
                    out.print(RunReport.finished(done.get(), limit, Instant.now()));
                }
            }
            if (output == OutputFormat.json) {
                var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("job", r.job()).put("mode", r.redriven() ? "redrive" : "new")
                        .put("executionArn", r.executionArn()).put("reason", r.reason())
                        .put("console", ConsoleUrls.execution(r.executionArn()));
                done.ifPresent(d -> json.set("result", io.jobform.operate.ExecutionJson.of(d, Instant.now())));
                OperateSession.printJson(out, json);
            }
            return done.map(d -> RunReport.outcome(d) == RunReport.Outcome.SUCCEEDED ? ExitCodes.OK : ExitCodes.ERROR)
                    .orElse(ExitCodes.OK);
        });
    }
}
