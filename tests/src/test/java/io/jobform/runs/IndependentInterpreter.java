package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link ScriptedRun}s in aws-local-stepfunctions (npm, an interpreter nobody here wrote)
 * through the driver the conformance suite uses, {@code tests/src/test/node/run-machines.mjs}, all
 * in one Node.js process; each definition is first checked by the package's validator (paths and
 * ARNs).
 */
final class IndependentInterpreter {

    private IndependentInterpreter() {}

    /** The interpreter, or why it cannot run here (Node.js or npm missing). */
    static io.jobform.conformance.IndependentInterpreter.Result locate() {
        return io.jobform.conformance.IndependentInterpreter.locate();
    }

    static List<RunResult> runAll(io.jobform.conformance.IndependentInterpreter interpreter, List<ScriptedRun> runs) {
        ArrayNode requests = TaskScript.JSON.createArrayNode();
        for (int i = 0; i < runs.size(); i++) {
            ScriptedRun run = runs.get(i);
            ObjectNode r = requests.addObject().put("id", String.valueOf(i)).put("validate", true);
            r.set("definition", run.definition());
            r.set("input", run.input());
            ObjectNode context = r.putObject("context");
            context.putObject("Execution").put("Id", ScriptedRun.EXECUTION).put("Name", ScriptedRun.EXECUTION_NAME)
                    .put("StartTime", ScriptedRun.START.toString()).set("Input", run.input());
            context.putObject("StateMachine").put("Id", ScriptedRun.STATE_MACHINE).put("Name", "jobform-job");
            ObjectNode script = r.putObject("script");
            run.script().forEach((state, answers) -> answers.forEach(a -> script.withArray(state).add(a.toJson())));
        }
        List<RunResult> parsed = new ArrayList<>();
        for (JsonNode r : interpreter.runRequests(requests)) {
            parsed.add(parse(r));
        }
        return parsed;
    }

    private static RunResult parse(JsonNode r) {
        List<String> visited = new ArrayList<>();
        r.path("visited").forEach(v -> visited.add(v.asText()));
        Map<String, List<JsonNode>> calls = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("calls").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<JsonNode> list = new ArrayList<>();
            e.getValue().forEach(list::add);
            calls.put(e.getKey(), list);
        }
        return new RunResult(r.path("status").asText(), text(r, "error"), text(r, "cause"), visited, calls);
    }

    private static Optional<String> text(JsonNode r, String field) {
        return r.hasNonNull(field) ? Optional.of(r.get(field).asText()) : Optional.empty();
    }
}
