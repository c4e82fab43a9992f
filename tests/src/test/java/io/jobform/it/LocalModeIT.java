package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar with {@code --local}, as processes: runs in one folder share one saved state,
 * so they must take turns, and a value the state cannot store must not cost the state.
 */
class LocalModeIT {
    private static final int JOBS = 6;

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    private Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jobform.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile()).start();
    }

    private Run finish(String name, Process process) throws IOException, InterruptedException {
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(work.resolve(name + ".out")),
                Files.readString(work.resolve(name + ".err")));
    }

    private Run jobform(String... args) throws IOException, InterruptedException {
        return finish("run", start("run", args));
    }

    private void jobs(String dir, String prefix) throws IOException {
        Files.createDirectories(work.resolve(dir));
        for (int i = 1; i <= JOBS; i++) {
            Files.writeString(work.resolve(dir).resolve(prefix + i + ".yaml"), """
                    apiVersion: jobform.io/v1alpha1
                    kind: ScheduledJob
                    metadata:
                      name: %s%d
                    spec:
                      schedule: {cron: "0 2 * * *"}
                      container:
                        image: public.ecr.aws/docker/library/busybox:1.36
                        command: ["echo", "%s"]
                    """.formatted(prefix, i, prefix));
        }
    }

    @Test
    void twoLocalRunsInOneFolderTakeTurnsAndKeepBothResults() throws Exception {
        jobs("alpha", "alpha-");
        jobs("beta", "beta-");
        Process alpha = start("alpha", "apply", "--local", "--source", "alpha", "--instance", "alpha",
                "--bucket", "alpha-local");
        Process beta = start("beta", "apply", "--local", "--source", "beta", "--instance", "beta",
                "--bucket", "beta-local");
        Run a = finish("alpha", alpha);
        Run b = finish("beta", beta);
        assertThat(a.exit()).as(a.out() + a.err()).isZero();
        assertThat(b.exit()).as(b.out() + b.err()).isZero();

        // Each run's work survived the other's save: the saved state has every state machine of both.
        String state = Files.readString(work.resolve(".jobform/local/emulator-state.json"));
        for (int i = 1; i <= JOBS; i++) {
            assertThat(state).contains("stateMachine:alpha-alpha-" + i + "\"", "stateMachine:beta-beta-" + i + "\"");
        }
    }

    @Test
    void anUnpairedSurrogateIsAValidationErrorAndTheStateIsSaved() throws Exception {
        jobs("manifests", "ok-");
        Files.writeString(work.resolve("manifests/broken.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: broken
                spec:
                  container:
                    image: public.ecr.aws/docker/library/busybox:1.36
                    env: {GREETING: "a\\uD800b"}
                """, StandardCharsets.UTF_8);

        Run first = jobform("apply", "--local");
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(3);
        // The violation, and nothing else (no stack trace), on stderr; the summary on stdout.
        assertThat(first.err().lines()).singleElement().asString().startsWith(
                "broken.yaml:8:21: error: spec.container.env.GREETING: the value holds an unpaired UTF-16 surrogate");
        assertThat(first.out()).doesNotContain("error:").contains("Apply: ");
        try (Stream<Path> state = Files.list(work.resolve(".jobform/local"))) {
            assertThat(state.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("emulator-state.json", "lock");
        }

        Run second = jobform("apply", "--local");
        assertThat(second.exit()).isEqualTo(3);
        // The saved state holds every valid job: the second apply changes nothing, and says the
        // broken manifest's job is still frozen rather than "up to date".
        assertThat(second.out()).contains("0 change(s) applied, 0 failed")
                .contains("Nothing changed, but not up to date: 1 manifest(s) invalid");
    }
}
