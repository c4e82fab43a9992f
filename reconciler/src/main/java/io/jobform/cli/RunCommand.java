package io.jobform.cli;

import io.jobform.emulator.sfn.StepFunctionsService;
import io.jobform.emulator.sfn.TaskOutcome;
import io.jobform.operate.Durations;
import io.jobform.operate.Execution;
import io.jobform.operate.JobLogs;
import io.jobform.operate.JobOperations;
import io.jobform.operate.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code jobform run NAME}: starts a manual run, optionally waits for its result. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts an execution named manual-<UTC timestamp> with the manifest's input merged with "
                + "--input-file and --input values. With --wait: follows it and exits 0 when the container "
                + "succeeded, 1 when it failed, did not run, or --timeout passed.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "NAME", description = "The job's metadata.name.")
    String name;

    @Option(names = "--input", paramLabel = "KEY=VALUE", description = "Sets one input member (repeatable). The value "
            + "takes the type of the manifest's value under that key; a new key is a string.")
    List<String> pairs = List.of();

    @Option(names = "--input-file", paramLabel = "FILE", description = "A JSON object merged over the manifest's input.")
    Optional<Path> inputFile = Optional.empty();

    @Option(names = "--wait", description = "Wait for the execution to finish; print result, exit code and stop reason.")
    boolean wait;

    @Option(names = {"-f", "--follow"}, description = "Like --wait, and print state transitions and the container's "
            + "log lines as they happen.")
    boolean follow;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "With --wait or --follow: give up after this "
            + "long (90s, 15m, 2h, PT1H); the execution keeps running.")
    Optional<String> timeout = Optional.empty();

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Option(names = "--local-outcome", paramLabel = "OUTCOME", description = "With --local: how the simulated ECS "
            + "task ends: success, exit=N[,run=Ns], spot-capacity, spot-interruption[,run=Ns], run-failure, "
            + "access-denied, api-error=CODE or stays-running. Repeat it for the task's attempts in order (the last "
            + "repeats), e.g. --local-outcome exit=1 --local-outcome success.")
    List<String> localOutcomes = List.of();

    @Override
    public Integer call() throws Exception {
        if (timeout.isPresent() && !wait && !follow) {
            return Usage.error(spec, "--timeout needs --wait or --follow (without them run returns once started)");
        }
        if (follow && output == OutputFormat.json) {
            return Usage.error(spec, "--follow prints text; use --wait -o json, or jobform logs -f -o json");
        }
        Optional<Duration> limit;
        Optional<String> file;
        List<TaskOutcome> outcomes;
        try {
            limit = timeout.map(Durations::parse);
            file = read(inputFile);
            if (!localOutcomes.isEmpty() && !engine.local) {
                throw new IllegalArgumentException("--local-outcome needs --local: it chooses how the local emulator's "
                        + "simulated task ends");
            }
            outcomes = localOutcomes.stream().map(TaskOutcome::parse).toList();
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        OperateSession.Preparation chooseOutcomes = connection -> connection.emulator().ifPresent(emulator -> {
            if (!outcomes.isEmpty()) {
                emulator.service(StepFunctionsService.class).taskOutcomes().forFamily(
                        connection.settings.instance() + "-" + name, outcomes.toArray(TaskOutcome[]::new));
            }
        });
        return OperateSession.runWithLogs("run", spec, engine, chooseOutcomes,
                (JobOperations ops, JobLogs logs, PrintWriter out) -> {
            JobOperations.Started started = ops.run(name, file, pairs, Instant.now());
            if (follow) {
                out.print(RunReport.started(started));
                out.println("Following " + started.name() + (limit.map(l -> " (at most " + Durations.format(l) + ")")
                        .orElse("")) + "...");
                out.flush();
                Execution first = ops.refresh(name, started.executionArn());
                Execution done = logs.print(name, first, new JobLogs.Options(Optional.empty(), Optional.empty(), true,
                        true, limit.map(Instant.now()::plus)), new LogPrinter(out, false, false), Clock.systemUTC(),
                        d -> Thread.sleep(d.toMillis()));
                out.print(RunReport.finished(done, limit, Instant.now()));
                return RunReport.outcome(done) == RunReport.Outcome.SUCCEEDED ? ExitCodes.OK : ExitCodes.ERROR;
            }
            if (!wait) {
                if (output == OutputFormat.json) {
                    OperateSession.printJson(out, RunReport.json(started, Optional.empty(), Instant.now()));
                } else {
                    out.print(RunReport.started(started));
                }
                return ExitCodes.OK;
            }
            if (output == OutputFormat.text) {
                out.print(RunReport.started(started));
                out.println("Waiting for " + started.name() + (limit.map(l -> " (at most " + Durations.format(l) + ")")
                        .orElse("")) + "...");
                out.flush();
            }
            Execution done = ops.await(started.executionArn(), limit, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
            Instant now = Instant.now();
            if (output == OutputFormat.json) {
                OperateSession.printJson(out, RunReport.json(started, Optional.of(done), now));
            } else {
                out.print(RunReport.finished(done, limit, now));
            }
            return RunReport.outcome(done) == RunReport.Outcome.SUCCEEDED ? ExitCodes.OK : ExitCodes.ERROR;
        });
    }

    private static Optional<String> read(Optional<Path> file) {
        return file.map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new IllegalArgumentException("--input-file " + f + ": cannot read: " + e.getMessage());
            }
        });
    }
}
