package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar jobform.jar validate} as a separate process, as a user or CI runs it. */
class ValidateCliIT {

    static final Path JAR = Path.of(System.getProperty("jobform.jar", "../reconciler/target/jobform.jar"));
    static final Path ROOT = Path.of(System.getProperty("jobform.root", ".."));

    record Run(int code, String out, String err) {}

    static Run jobform(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void theExampleManifestsAreValid() throws Exception {
        Run run = jobform("validate", "manifests/");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("valid: ").contains("0 error(s)");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aBadManifestExitsThreeWithItsPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: bad
                spec:
                  schedule:
                    cron: "0 2 * * *"
                    timezone: Europe/Berln
                  container:
                    image: demo:1
                    memroy: 1024
                """);
        Run run = jobform("validate", bad.toString());
        assertThat(run.code()).isEqualTo(3);
        // Errors on stderr, the summary on stdout.
        assertThat(run.err()).contains(bad + ":8:15: error: spec.schedule.timezone: unknown time zone 'Europe/Berln'")
                .contains(bad + ":11:5: error: spec.container.memroy: unknown field 'memroy' (did you mean 'memory'?)");
        assertThat(run.out()).doesNotContain("error:").contains("invalid: 1 file(s)");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingPathIsAUsageError() throws Exception {
        Run run = jobform("validate", "no/such/dir");
        assertThat(run.code()).isEqualTo(2);
    }
}
