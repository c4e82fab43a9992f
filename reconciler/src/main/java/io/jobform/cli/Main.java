package io.jobform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jobform} command. Subcommands are thin shells over the engine. */
@Command(
        name = "jobform",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reconciles YAML job manifests into scheduled Fargate jobs on AWS.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            RenderCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            SyncCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            RerunCommand.class,
            UnlockCommand.class,
            CalendarCommand.class,
            ReportCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; used by tests in-process as well. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err); // picocli answers usage errors with exit code 2 (ExitCodes.USAGE)
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug or an unexpected AWS failure: one line, never a stack trace for the user.
            commandLine.getErr().println("jobform: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
