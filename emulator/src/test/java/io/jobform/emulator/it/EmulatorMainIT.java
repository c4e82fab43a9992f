package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The shaded jar runs standalone, answers the SDK, and keeps its state across restarts. */
class EmulatorMainIT extends EndpointTestBase {
    private static final Path JAR = Path.of("target", "jobform-emulator.jar");

    private record Running(Process process, URI endpoint) {}

    private static Running launch(Path state) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "--port", "0", "--state", state.toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("jobform-emulator listening on http://127.0.0.1:");
        return new Running(process, URI.create(line.substring(line.indexOf("http://"))));
    }

    @Test
    void unreadableStateFileIsAClearErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        emulatorOnly();
        Path state = dir.resolve("broken.json");
        Files.writeString(state, "{not json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "--port", "0", "--state", state.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("jobform-emulator: cannot load state").doesNotContain("\tat ");
    }

    private static void stop(Running running) throws Exception {
        running.process().destroy(); // SIGTERM: the shutdown hook saves the state
        assertThat(running.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runsAsAProcessAndPersistsStateOnShutdown(@TempDir Path dir) throws Exception {
        emulatorOnly();
        assertThat(JAR).exists();
        Path state = dir.resolve("state.json");
        Running first = launch(state);
        try (S3Client s3 = s3(first.endpoint())) {
            assertThat(RawHttp.send(first.endpoint(), "GET", "/_emulator/health", Map.of(), null).body()).contains("ok");
            s3.createBucket(b -> b.bucket("persisted"));
            s3.putObject(b -> b.bucket("persisted").key("manifests/a.yaml"), RequestBody.fromString("kept"));
        } finally {
            stop(first);
        }
        assertThat(Files.readString(state)).contains("persisted").contains("manifests/a.yaml");

        Running second = launch(state);
        try (S3Client s3 = s3(second.endpoint())) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("persisted").key("manifests/a.yaml")).asUtf8String()).isEqualTo("kept");
        } finally {
            stop(second);
        }
    }
}
