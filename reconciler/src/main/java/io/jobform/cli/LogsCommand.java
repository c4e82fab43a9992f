package io.jobform.cli;

import io.jobform.operate.Durations;
import io.jobform.operate.Execution;
import io.jobform.operate.JobLogs;
import io.jobform.operate.JobOperations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform logs JOB [EXECUTION]}: the container output of a run, every attempt in order. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Prints the container's output from CloudWatch Logs for the job's newest run, or the named "
                + "execution (its name as history prints it, or its ARN): every attempt in order, each under a header.")
public final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job's metadata.name.")
    String job;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXECUTION", description = "Execution name or ARN "
            + "(default: the newest run).")
    Optional<String> execution = Optional.empty();

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the execution stops.")
    boolean follow;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines newer than this (90s, 15m, 1h, 2d).")
    Optional<String> since = Optional.empty();

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each attempt.")
    Optional<Integer> tail = Optional.empty();

    @Option(names = "--timestamps", description = "Prefix each line with its CloudWatch timestamp (UTC).")
    boolean timestamps;

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json (one object per line).")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        Optional<Duration> window;
        try {
            window = since.map(Durations::parse);
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, "--since " + since.orElse("") + ": " + e.getMessage());
        }
        if (tail.filter(n -> n < 1 || n > 10_000).isPresent()) {
            return Usage.error(spec, "--tail must be 1..10000, not " + tail.get());
        }
        return OperateSession.runWithLogs("logs", spec, engine, (JobOperations ops, JobLogs logs, PrintWriter out) -> {
            Execution run = ops.execution(job, execution);
            Instant now = Instant.now();
            LogPrinter printer = new LogPrinter(out, output == OutputFormat.json, timestamps);
            Execution last = logs.print(job, run, new JobLogs.Options(window.map(now::minus), tail, follow, false,
                    Optional.empty()), printer, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
            if (printer.lines() == 0) {
                spec.commandLine().getErr().println("jobform logs: " + JobOperations.subject(job) + ": execution "
                        + last.name() + " (" + last.status() + ") has no log lines"
                        + (window.isPresent() ? " in the last " + since.get() : "")
                        + " in " + logs.group() + " (the container never started, or wrote nothing)");
            }
            return ExitCodes.OK;
        });
    }
}
