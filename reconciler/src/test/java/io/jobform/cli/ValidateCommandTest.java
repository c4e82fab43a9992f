package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobform validate} in-process through {@link Main#run}. */
class ValidateCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Path badManifest(Path dir) throws IOException {
        Path nested = Files.createDirectories(dir.resolve("team-a"));
        Files.writeString(nested.resolve("bad.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: bad
                spec:
                  container:
                    image: demo:1
                    memory: 3000
                """);
        Files.writeString(nested.resolve("notes.txt"), "not a manifest: ignored");
        return nested.resolve("bad.yaml");
    }

    private static final String VALID_JOB = """
            apiVersion: jobform.io/v1alpha1
            kind: ScheduledJob
            metadata:
              name: %s
            spec:
              schedule: {cron: "0 3 * * *"}
              container:
                image: demo:1
            """;

    /**
     * The key check applies to the key a file gets in the bucket (its path below the directory
     * named), not to the local path above it: a directory named like "my (old) jobs" or "a#b" is
     * fine, a file named "bad#1.yaml" below it is not.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"my (old) jobs", "a#b", "100%"})
    void theKeyCheckSeesThePathBelowTheDirectoryNamed(String parent, @TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(parent).resolve("manifests"));
        Files.writeString(Files.createDirectories(root.resolve("team a")).resolve("good.yaml"), VALID_JOB.formatted("good"));
        Result ok = run("validate", root.toString());
        assertThat(ok.code()).as(ok.out()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("1 valid job(s), 0 invalid job(s), 0 error(s)");

        Path bad = root.resolve("team a").resolve("bad#1.yaml");
        Files.writeString(bad, VALID_JOB.formatted("bad"));
        Result r = run("validate", root.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        assertThat(r.err()).contains(bad + ":1:1: error: manifest key 'team a/bad#1.yaml' becomes the "
                + "jobform.io/manifest tag");
        assertThat(r.out()).contains("1 valid job(s), 1 invalid job(s), 1 error(s)");
        Result named = run("validate", bad.toString());
        assertThat(named.err()).contains("manifest key 'bad#1.yaml'");
    }

    @Test
    void exampleManifestsAreValid() {
        Result r = run("validate", "../manifests");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("valid: 7 file(s), 6 valid job(s), 0 invalid job(s), 0 error(s), 0 warning(s)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anInvalidManifestExitsThreeWithCompilerStyleLines(@TempDir Path dir) throws IOException {
        Path bad = badManifest(dir);
        Result r = run("validate", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        // The error on stderr, the summary (the requested output) on stdout.
        assertThat(r.err()).startsWith(bad + ":8:13: error: spec.container.memory: memory 3000 MiB is not valid with cpu 256");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEqualTo("invalid: 1 file(s), 0 valid job(s), 1 invalid job(s), 1 error(s), 0 warning(s)"
                + System.lineSeparator());
    }

    @Test
    void jsonFormatCarriesEveryFinding(@TempDir Path dir) throws IOException {
        Path bad = badManifest(dir);
        Result r = run("validate", "--format", "json", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(r.err()).startsWith(bad + ":8:13: error: spec.container.memory:");
        assertThat(json.path("valid").asBoolean()).isFalse();
        assertThat(json.path("invalidJobs").get(0).asText()).isEqualTo("bad");
        JsonNode v = json.path("violations").get(0);
        assertThat(v.path("line").asInt()).isEqualTo(8);
        assertThat(v.path("column").asInt()).isEqualTo(13);
        assertThat(v.path("field").asText()).isEqualTo("spec.container.memory");
        assertThat(v.path("subject").asText()).isEqualTo("ScheduledJob/bad");
    }

    @Test
    void githubFormatWritesWorkflowAnnotations(@TempDir Path dir) throws IOException {
        Path bad = badManifest(dir);
        Result r = run("validate", "--format=github", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        assertThat(r.out()).contains("::error file=" + bad.toString().replace(":", "%3A")
                + ",line=8,col=13,title=spec.container.memory::memory 3000 MiB");
        // The annotations are the human form here: the error is not repeated on stderr.
        assertThat(r.err()).isEmpty();
    }

    @Test
    void showScheduleListsTheNextFiveRuns() {
        Result r = run("validate", "--show-schedule", "../manifests");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("ScheduledJob/nightly-report: cron(0 5 * * ? *) in Europe/Berlin")
                .contains("ScheduledJob/backfill-orders: on demand (no schedule)");
        String block = r.out().substring(r.out().indexOf("ScheduledJob/nightly-report"));
        assertThat(block.lines().skip(1).limit(5)).allMatch(line -> line.matches("  \\d{4}-\\d\\d-\\d\\d 05:00 .*\\(Europe/Berlin\\)"));
    }

    @Test
    void aMissingPathIsAUsageError() {
        Result r = run("validate", "no-such-dir");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no-such-dir: no such file or directory").doesNotContain("Exception");
    }

    @Test
    void aBadInstanceNameIsAUsageError() {
        Result r = run("validate", "--instance", "Bad_Instance", "../manifests");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("instance name 'Bad_Instance'");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("validate", "--format", "xml", "../manifests").code()).isEqualTo(ExitCodes.USAGE);
    }
}
