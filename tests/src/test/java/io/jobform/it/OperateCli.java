package io.jobform.it;

import io.jobform.cli.Main;
import io.jobform.emulator.sfn.StepFunctionsService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The jobform CLI in-process against a sandbox's emulator, with the connection options a user
 * passes for any AWS-compatible endpoint.
 */
final class OperateCli {
    record Result(int exit, String out, String err) {}

    private final Sandbox sandbox;

    OperateCli(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", sandbox.emulator.endpoint().toString(), "--region",
                sandbox.emulator.region(), "--bucket", Sandbox.BUCKET, "--account-id", sandbox.emulator.accountId()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    CompletableFuture<Result> start(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    StepFunctionsService states() {
        return sandbox.emulator.service(StepFunctionsService.class);
    }

    /** Waits (bounded) for a RUNNING execution that is not in {@code known} and returns its ARN. */
    String awaitNewRunning(Set<String> known) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (String arn : states().executionArns(sandbox.emulator.region(), "RUNNING")) {
                if (!known.contains(arn)) {
                    return arn;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new RUNNING execution appeared");
    }

    Set<String> running() {
        return Set.copyOf(states().executionArns(sandbox.emulator.region(), "RUNNING"));
    }
}
