package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI started as its own process against a sandbox's emulator and bucket, running
 * in the background (to be signalled or raced) with its output kept in a file.
 */
record JarProcess(Process process, Path output) {

    /**
     * @param stdin written to the process and closed; empty closes it at once (no terminal)
     */
    static JarProcess start(Sandbox sandbox, Path work, String name, Optional<String> stdin, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("jobform.jar")).toAbsolutePath().toString()));
        command.addAll(args);
        command.addAll(List.of("--endpoint-url", sandbox.emulator.endpoint().toString(), "--region",
                sandbox.emulator.region(), "--account-id", sandbox.emulator.accountId(), "--bucket", Sandbox.BUCKET));
        Path output = work.resolve(name + ".txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try (var in = process.getOutputStream()) {
            if (stdin.isPresent()) {
                in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new JarProcess(process, output);
    }

    /** The options of an apply from the S3 manifest prefix with the sandbox's instance settings. */
    static List<String> apply(String sourceBucket) {
        return List.of("apply", "--instance", "jobform", "--source", "s3://" + sourceBucket + "/jobs/",
                "--cluster", "jobform-local", "--subnets", "subnet-local", "--security-groups", "sg-local",
                "--boundary-arn", "arn:aws:iam::123456789012:policy/jobform-boundary");
    }

    String text() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int exit() throws InterruptedException {
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("process ended").isTrue();
        return process.exitValue();
    }
}
