package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.render.RunTaskOverrides;
import java.time.Instant;

/** Limits that decide whether a run can start at all, checked before anything is applied. */
final class RunLimits {

    private RunLimits() {}

    static void check(JsonNode job, Instant now, Findings findings) {
        JsonNode spec = job.path("spec");
        JsonNode retries = spec.path("retries");
        if (retries.has("exitCodes") && retries.has("exceptExitCodes")) {
            findings.error("/spec/retries/exceptExitCodes", "use either exitCodes (retry only these) or exceptExitCodes "
                    + "(retry all but these), not both");
        } else if ((retries.has("exitCodes") || retries.has("exceptExitCodes")) && retries.path("limit").asInt(0) == 0) {
            findings.warning(retries.has("exitCodes") ? "/spec/retries/exitCodes" : "/spec/retries/exceptExitCodes",
                    "has no effect while retries.limit is 0");
        }
        if (spec.has("input") && spec.get("input").isObject()) {
            RunTaskOverrides.problem(job.path("metadata").path("name").asText(), spec.get("input"))
                    .ifPresent(message -> findings.error("/spec/input", message));
        }
    }
}
