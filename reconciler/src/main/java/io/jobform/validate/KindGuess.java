package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What a document with an unknown or missing {@code kind} most likely was meant to be. */
final class KindGuess {

    private KindGuess() {}

    /**
     * True when the document may be a misspelt JobDefaults: its kind is nearer to JobDefaults than
     * to ScheduledJob, or it has no kind and no container (which only a job has).
     */
    static boolean mayBeDefaults(JsonNode tree) {
        JsonNode kind = tree.path("kind");
        if (!kind.isTextual() || kind.asText().isBlank()) {
            return !tree.path("spec").has("container");
        }
        String k = kind.asText().toLowerCase(Locale.ROOT);
        return EditDistance.between(k, Validator.JOB_DEFAULTS.toLowerCase(Locale.ROOT))
                <= EditDistance.between(k, Validator.SCHEDULED_JOB.toLowerCase(Locale.ROOT));
    }
}
