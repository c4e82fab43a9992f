package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one interpreter ran a {@link ScriptedRun}: the final status, the Fail state's Error and
 * Cause, the states entered in order, and the parameters of every Task state call.
 */
record RunResult(String status, Optional<String> error, Optional<String> cause, List<String> visited,
        Map<String, List<JsonNode>> calls) {

    int calls(String state) {
        return calls.getOrDefault(state, List.of()).size();
    }
}
