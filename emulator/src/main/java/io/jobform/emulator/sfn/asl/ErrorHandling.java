package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Retry and Catch ("Handling errors in Step Functions workflows"): the first retrier whose
 * ErrorEquals matches decides; when its MaxAttempts are used up (0 = never) the catchers are
 * tried, the first match wins. States.ALL matches every error, States.TaskFailed every error
 * except States.Timeout; neither handles the terminal States.Runtime.
 */
final class ErrorHandling {

    sealed interface Decision permits Retry, Catch, Rethrow {}

    record Retry(Duration delay) implements Decision {}

    record Catch(JsonNode catcher) implements Decision {}

    record Rethrow() implements Decision {}

    private ErrorHandling() {}

    /** @param attempts retries used so far per retrier, updated when a retry is chosen */
    static Decision decide(JsonNode state, StatesError error, int[] attempts, Random random) {
        if (error.terminal()) {
            return new Rethrow();
        }
        JsonNode retriers = state.path("Retry");
        for (int i = 0; i < retriers.size(); i++) {
            JsonNode r = retriers.get(i);
            if (matches(r.path("ErrorEquals"), error.error())) {
                int max = r.path("MaxAttempts").asInt(3);
                if (attempts[i] < max) {
                    Duration delay = delay(r, attempts[i], random);
                    attempts[i]++;
                    return new Retry(delay);
                }
                break;
            }
        }
        for (JsonNode c : state.path("Catch")) {
            if (matches(c.path("ErrorEquals"), error.error())) {
                return new Catch(c);
            }
        }
        return new Rethrow();
    }

    static boolean matches(JsonNode errorEquals, String error) {
        for (JsonNode e : errorEquals) {
            String name = e.asText();
            if (name.equals(error) || name.equals(StatesError.ALL)
                    || (name.equals(StatesError.TASK_FAILED) && !StatesError.TIMEOUT.equals(error))) {
                return true;
            }
        }
        return false;
    }

    /** IntervalSeconds × BackoffRate^retry, at most MaxDelaySeconds; FULL jitter picks 0..that. */
    static Duration delay(JsonNode retrier, int retry, Random random) {
        double seconds = retrier.path("IntervalSeconds").asDouble(1) * Math.pow(retrier.path("BackoffRate").asDouble(2.0), retry);
        if (retrier.has("MaxDelaySeconds")) {
            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
        }
        if (retrier.path("JitterStrategy").asText("NONE").equals("FULL")) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The error output a catcher hands on: {"Error": ..., "Cause": ...}. */
    static JsonNode errorOutput(StatesError error) {
        var out = JsonPaths.mapper().createObjectNode().put("Error", error.error());
        error.cause().ifPresent(c -> out.put("Cause", c));
        return out;
    }

    static Optional<String> next(JsonNode catcher) {
        return Optional.of(catcher.path("Next").asText());
    }
}
