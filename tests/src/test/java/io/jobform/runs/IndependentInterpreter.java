package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ScriptedRun}s in aws-local-stepfunctions (npm, an interpreter nobody here wrote)
 * through {@code tests/src/test/node/run-machine.mjs}, all in one Node.js process. Needs
 * {@code node} on the PATH and {@code npm ci} run in that directory (.ci/run does both).
 */
final class IndependentInterpreter {

    private IndependentInterpreter() {}

    static Path directory() {
        return Path.of(System.getProperty("jobform.root", "..")).resolve("tests/src/test/node");
    }

    /** Empty when it can run; otherwise why not. */
    static Optional<String> unavailable() {
        if (!Files.isDirectory(directory().resolve("node_modules/aws-local-stepfunctions"))) {
            return Optional.of("aws-local-stepfunctions is not installed: run npm ci in " + directory());
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.empty() : Optional.of("node does not run");
        } catch (IOException e) {
            return Optional.of("node is not on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    static List<RunResult> runAll(List<ScriptedRun> runs) throws IOException, InterruptedException {
        ArrayNode requests = TaskScript.JSON.createArrayNode();
        for (ScriptedRun run : runs) {
            ObjectNode r = requests.addObject();
            r.set("definition", run.definition());
            r.set("input", run.input());
            ObjectNode context = r.putObject("context");
            context.putObject("Execution").put("Id", ScriptedRun.EXECUTION).put("Name", ScriptedRun.EXECUTION_NAME);
            context.putObject("StateMachine").put("Id", ScriptedRun.STATE_MACHINE).put("Name", "jobform-job");
            ObjectNode script = r.putObject("script");
            run.script().forEach((state, answers) -> answers.forEach(a -> script.withArray(state).add(a.toJson())));
        }
        Path in = Files.createTempFile("asl-runs", ".json");
        Path out = Files.createTempFile("asl-results", ".json");
        Path err = Files.createTempFile("asl-errors", ".txt");
        try {
            Files.writeString(in, requests.toString(), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("node", "run-machine.mjs").directory(directory().toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("aws-local-stepfunctions failed: " + Files.readString(err));
            }
            JsonNode results = TaskScript.JSON.readTree(out.toFile());
            List<RunResult> parsed = new ArrayList<>();
            for (JsonNode r : results) {
                parsed.add(parse(r));
            }
            return parsed;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static RunResult parse(JsonNode r) {
        List<String> visited = new ArrayList<>();
        r.path("events").forEach(e -> {
            if (e.path("type").asText().equals("StateEntered") && e.hasNonNull("state")) {
                visited.add(e.get("state").asText());
            }
        });
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
