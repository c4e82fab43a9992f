package io.jobform.cli;

import io.jobform.aws.ExecutionClient;
import io.jobform.aws.LiveReads;
import io.jobform.aws.LogEventsClient;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.StatusObjects;
import io.jobform.config.StateKeys;
import io.jobform.operate.JobLogs;
import io.jobform.operate.JobOperations;
import io.jobform.render.Names;
import io.jobform.operate.OperateException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one operate command against the same connection plan/apply use ({@code --local},
 * {@code --endpoint-url}, {@code --region}, {@code --instance}, {@code --bucket}) and turns
 * failures into one line and an exit code: 2 for usage, 1 for everything else.
 */
final class OperateSession {

    @FunctionalInterface
    interface Body {
        int run(JobOperations operations, PrintWriter out) throws Exception;
    }

    /** A command that also reads container logs. */
    @FunctionalInterface
    interface LogsBody {
        int run(JobOperations operations, JobLogs logs, PrintWriter out) throws Exception;
    }

    /** Something to do with the connection before the command runs, e.g. choose local task outcomes. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Engine engine);
    }

    private OperateSession() {}

    static int run(String command, CommandSpec spec, EngineOptions options, Body body) throws Exception {
        return runWithLogs(command, spec, options, engine -> { }, (operations, logs, out) -> body.run(operations, out));
    }

    static int run(String command, CommandSpec spec, EngineOptions options, Preparation preparation, Body body)
            throws Exception {
        return runWithLogs(command, spec, options, preparation, (operations, logs, out) -> body.run(operations, out));
    }

    static int runWithLogs(String command, CommandSpec spec, EngineOptions options, LogsBody body) throws Exception {
        return runWithLogs(command, spec, options, engine -> { }, body);
    }

    static int runWithLogs(String command, CommandSpec spec, EngineOptions options, Preparation preparation,
            LogsBody body) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Engine engine = Engine.open(options, err::println)) {
            preparation.prepare(engine);
            ObjectStore store = new ObjectStore(engine.clients.s3, engine.settings.bucket().orElseThrow());
            JobOperations operations = new JobOperations(new StatusObjects(store, StateKeys.of(engine.settings.instance())),
                    new ExecutionClient(engine.clients.sfn), engine.settings.instance(),
                    new LiveReads(engine.clients, engine.settings.instance(), store));
            // The log group is named by the same code that renders the task definitions' awslogs options.
            JobLogs logs = new JobLogs(operations, () -> new LogEventsClient(engine.clients.logs()),
                    new Names(engine.settings.config(engine.clients.region())).logGroup());
            int exit = body.run(operations, logs, out);
            out.flush();
            return exit;
        } catch (OperateException e) {
            out.flush();
            err.println("jobform " + command + ": " + e.getMessage());
            return e.kind() == OperateException.Kind.INVALID ? ExitCodes.USAGE : ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            out.flush();
            err.println("jobform " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** {@code -o json} output, pretty-printed. */
    static void printJson(PrintWriter out, com.fasterxml.jackson.databind.JsonNode json) {
        out.println(json.toPrettyString());
    }
}
