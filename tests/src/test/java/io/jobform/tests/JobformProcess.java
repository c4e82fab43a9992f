package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar jobform.jar ...} in a chosen directory with chosen extra environment variables. */
record JobformProcess(Path directory, Map<String, String> env) {

    record Run(int code, String out, String err) {}

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ValidateCliIT.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("jobform-stderr", ".txt"); // not in the directory: it may be the checkout
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("JOBFORM_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(stderr);
        Files.delete(stderr);
        return new Run(process.exitValue(), out, err);
    }
}
