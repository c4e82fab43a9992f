package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What a resource answered and when: a result or an error (named as Step Functions names it),
 * plus for .sync integrations the first API answer (TaskSubmitted). {@code at} may be
 * {@link #NEVER} for a task that keeps running.
 */
public record TaskAnswer(Optional<JsonNode> submitted, Optional<JsonNode> result, Optional<StatesError> error,
        Instant at) {
    public static final Instant NEVER = Timeline.FOREVER;

    public static TaskAnswer result(JsonNode result, Instant at) {
        return new TaskAnswer(Optional.empty(), Optional.of(result), Optional.empty(), at);
    }

    public static TaskAnswer failure(String error, String cause, Instant at) {
        return new TaskAnswer(Optional.empty(), Optional.empty(), Optional.of(new StatesError(error, cause)), at);
    }

    public TaskAnswer submitted(JsonNode answer) {
        return new TaskAnswer(Optional.of(answer), result, error, at);
    }
}
