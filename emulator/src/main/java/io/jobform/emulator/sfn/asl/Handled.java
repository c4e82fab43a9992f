package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the attempts of a Task, Map or Parallel state under its Retry and Catch fields: a
 * retry starts after its delay with {@code $$.State.RetryCount} one higher; a catcher's
 * ResultPath puts the error output into the state's raw input and moves to its Next.
 */
final class Handled {

    @FunctionalInterface
    interface Attempt {
        Interpreter.Step run(Instant at, int retryCount);
    }

    private Handled() {}

    static Interpreter.Step run(Interpreter it, String name, JsonNode state, JsonNode raw, Instant entered,
            Attempt attempt) {
        int[] used = new int[state.path("Retry").size()];
        int retries = 0;
        Instant at = entered;
        while (true) {
            try {
                return attempt.run(at, retries);
            } catch (StatesError e) {
                // An error of the state's own data processing: it happens at the attempt's start.
                Interpreter.Fault f = new Interpreter.Fault(e, at);
                var decision = ErrorHandling.decide(state, f.error, used, it.random);
                if (decision instanceof ErrorHandling.Retry r) {
                    retries++;
                    at = f.at.plus(r.delay());
                    continue;
                }
                return caught(it, name, state, raw, f, decision);
            } catch (Interpreter.Fault f) {
                var decision = ErrorHandling.decide(state, f.error, used, it.random);
                if (decision instanceof ErrorHandling.Retry r) {
                    retries++;
                    at = f.at.plus(r.delay());
                    continue;
                }
                return caught(it, name, state, raw, f, decision);
            }
        }
    }

    private static Interpreter.Step caught(Interpreter it, String name, JsonNode state, JsonNode raw,
            Interpreter.Fault f, ErrorHandling.Decision decision) {
        if (!(decision instanceof ErrorHandling.Catch c)) {
            throw f;
        }
        JsonNode errorOutput = ErrorHandling.errorOutput(f.error);
        JsonNode output;
        if (it.jsonata(state)) {
            JsonNode context = it.execution.contextObject(name, f.at, 0);
            output = c.catcher().has("Output")
                    ? JsonataExpressions.resolve(c.catcher().get("Output"), java.util.Map.of("input", raw,
                            "context", context, "errorOutput", errorOutput))
                    : errorOutput;
        } else {
            output = DataFlow.applyResultPath(c.catcher().has("ResultPath") ? c.catcher().get("ResultPath") : null, raw,
                    errorOutput);
        }
        return new Interpreter.Step(output, f.at, Optional.of(c.catcher().path("Next").asText()));
    }
}
