package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.sfn.asl.StatesError;
import io.jobform.emulator.sfn.asl.TaskAnswer;
import io.jobform.emulator.sfn.asl.TaskCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task results scripted per state for one execution, instead of the simulated integrations:
 * each Task state's calls take the state's entries in order (the last repeats). An entry is
 * {@code {"Output": value}} or {@code {"Error": name, "Cause": text}}, optionally with
 * {@code "Seconds": n} (how long the call takes; default 0) or {@code {"Never": true}} (a call
 * that never answers). Used to run the same scenario in the emulator and in another interpreter.
 */
final class ScriptedResults {
    private final Map<String, List<JsonNode>> byState;
    private final Map<String, Integer> used = new HashMap<>();

    ScriptedResults(Map<String, List<JsonNode>> byState) {
        this.byState = byState;
    }

    TaskAnswer answer(TaskCall call) {
        List<JsonNode> entries = byState.get(call.stateName());
        if (entries == null || entries.isEmpty()) {
            return TaskAnswer.failure(StatesError.RUNTIME, "No scripted result for the Task state '" + call.stateName()
                    + "'", call.at());
        }
        int n = used.merge(call.stateName(), 1, Integer::sum) - 1;
        JsonNode entry = entries.get(Math.min(n, entries.size() - 1));
        if (entry.path("Never").asBoolean(false)) {
            return new TaskAnswer(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                    TaskAnswer.NEVER);
        }
        var at = call.at().plusMillis(Math.round(entry.path("Seconds").asDouble(0) * 1000));
        if (entry.has("Error")) {
            return TaskAnswer.failure(entry.get("Error").asText(), entry.path("Cause").isMissingNode() ? null
                    : entry.get("Cause").asText(), at);
        }
        return TaskAnswer.result(entry.path("Output"), at);
    }
}
