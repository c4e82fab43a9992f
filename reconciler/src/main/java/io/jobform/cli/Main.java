package io.jobform.cli;

import io.jobform.aws.SetupErrors;
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
            DestroyCommand.class,
            SyncCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            RerunCommand.class,
            UnlockCommand.class,
            CalendarCommand.class,
            ReportCommand.class,
            LogsCommand.class,
            StopCommand.class,
            CompletionCommand.class,
            ExplainCommand.class,
            CreateCommand.class
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
        cli.setParameterExceptionHandler((ex, args2) -> {
            // One line and where to read more, not the whole help (kubectl and terraform do the same).
            CommandLine.Model.CommandSpec failed = ex.getCommandLine().getCommandSpec();
            ex.getCommandLine().getErr().println(failed.qualifiedName() + ": " + ex.getMessage());
            ex.getCommandLine().getErr().println("see '" + failed.qualifiedName() + " --help'");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // One line, never a stack trace or a Java class name: what to set when AWS is out of
            // reach, otherwise the failure's own message.
            String line = SetupErrors.describe(ex).orElseGet(() -> ex.getMessage() == null || ex.getMessage().isBlank()
                    ? "unexpected failure (" + ex.getClass().getSimpleName() + ")" : ex.getMessage().lines().findFirst()
                            .orElse(""));
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + line);
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
