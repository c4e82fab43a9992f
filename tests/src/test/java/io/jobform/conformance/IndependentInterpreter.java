package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The npm package aws-local-stepfunctions 3.0.0 (an interpreter nobody here wrote) and
 * asl-validator, run by Node.js from {@code src/test/node}. The packages are installed with
 * {@code npm ci} from the committed lock file into {@code target/independent-interpreter} on
 * first use. {@link #locate()} is empty, with the reason, when Node.js 20+ or npm is missing.
 */
public final class IndependentInterpreter {
    private static final Path SOURCES = Path.of(System.getProperty("jobform.root", "..")).resolve("tests/src/test/node");
    private static final Path WORK = Path.of(System.getProperty("jobform.root", "..")).resolve("tests/target/independent-interpreter");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "run-machines.mjs", "validate.mjs");

    public record Validation(String id, boolean valid, String errors) {}

    private IndependentInterpreter() {}

    /** The interpreter, or why it cannot run here. */
    public static synchronized Result locate() {
        Optional<String> node = output(List.of("node", "--version"));
        if (node.isEmpty() || !node.get().matches("v(1[89]|[2-9]\\d)\\..*")) {
            return new Result(Optional.empty(), "Node.js 18 or later is not on the PATH (found: " + node.orElse("none")
                    + "); the differential tests need it (.ci/run installs it)");
        }
        if (output(List.of("npm", "--version")).isEmpty()) {
            return new Result(Optional.empty(), "npm is not on the PATH; the differential tests need it");
        }
        try {
            Files.createDirectories(WORK);
            boolean lockChanged = !Files.exists(WORK.resolve("package-lock.json")) || Files.mismatch(
                    SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json")) != -1;
            for (String f : FILES) {
                Files.copy(SOURCES.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/aws-local-stepfunctions"))) {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                        .redirectErrorStream(true).start();
                String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci in " + WORK + " failed: " + log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(Optional.of(new IndependentInterpreter()), "");
    }

    public record Result(Optional<IndependentInterpreter> interpreter, String whyNot) {}

    /** Runs every scenario (one Node process for all), in order. */
    public List<RunOutcome> run(List<Scenario> scenarios) {
        ArrayNode request = TaskScript.JSON.createArrayNode();
        for (Scenario s : scenarios) {
            ObjectNode c = request.addObject().put("id", s.id());
            c.set("definition", s.definition());
            c.set("input", s.input());
            c.set("context", s.context(s.startTime().toString()));
            c.set("script", s.script().toJson());
        }
        JsonNode answer = node("run-machines.mjs", request);
        List<RunOutcome> out = new ArrayList<>();
        for (JsonNode r : answer) {
            List<String> visited = new ArrayList<>();
            r.path("visited").forEach(v -> visited.add(v.asText()));
            Map<String, List<JsonNode>> calls = new java.util.LinkedHashMap<>();
            r.path("calls").fields().forEachRemaining(e -> {
                List<JsonNode> inputs = new ArrayList<>();
                e.getValue().forEach(inputs::add);
                calls.put(e.getKey(), List.copyOf(inputs));
            });
            out.add(new RunOutcome(r.path("status").asText(), Optional.ofNullable(r.get("output")),
                    Optional.ofNullable(r.get("error")).map(JsonNode::asText),
                    Optional.ofNullable(r.get("cause")).map(JsonNode::asText), List.copyOf(visited), Map.copyOf(calls)));
        }
        return out;
    }

    /**
     * Runs raw requests through {@code run-machines.mjs} (one Node process for all), for
     * harnesses that build their own: the answers in request order, with each scripted Task
     * state's call inputs under {@code calls}.
     */
    public JsonNode runRequests(ArrayNode requests) {
        return node("run-machines.mjs", requests);
    }

    /** asl-validator's verdict on each definition. */
    public List<Validation> validate(Map<String, JsonNode> definitions) {
        ArrayNode request = TaskScript.JSON.createArrayNode();
        definitions.forEach((id, d) -> request.addObject().put("id", id).set("definition", d));
        List<Validation> out = new ArrayList<>();
        for (JsonNode r : node("validate.mjs", request)) {
            out.add(new Validation(r.path("id").asText(), r.path("isValid").asBoolean(), r.path("errors").asText()));
        }
        return out;
    }

    private static JsonNode node(String script, JsonNode request) {
        try {
            Path in = Files.createTempFile(WORK, "request", ".json");
            Files.writeString(in, request.toString());
            Process p = new ProcessBuilder("node", script).directory(WORK.toFile())
                    .redirectInput(in.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("node " + script + " failed with " + p.exitValue());
            }
            Files.delete(in);
            return TaskScript.JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
