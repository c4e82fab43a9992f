package io.jobform.cli;

import io.jobform.aws.ExecutionClient;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.StatusObjects;
import io.jobform.operate.JobOperations;
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

    /** Something to do with the connection before the command runs, e.g. choose local task outcomes. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Engine engine);
    }

    private OperateSession() {}

    static int run(String command, CommandSpec spec, EngineOptions options, Body body) throws Exception {
        return run(command, spec, options, engine -> { }, body);
    }

    static int run(String command, CommandSpec spec, EngineOptions options, Preparation preparation, Body body)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Engine engine = Engine.open(options, err::println)) {
            preparation.prepare(engine);
            ObjectStore store = new ObjectStore(engine.clients.s3, engine.settings.bucket().orElseThrow());
            JobOperations operations = new JobOperations(new StatusObjects(store), new ExecutionClient(engine.clients.sfn),
                    engine.settings.instance());
            int exit = body.run(operations, out);
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
