package io.jobform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java <jvm options> -jar <jar> <arguments>} to completion (bounded) and times it. */
final class JavaProcess {
    record Outcome(int exitCode, long wallMillis, String output) {}

    private JavaProcess() {
    }

    static Path jar() {
        return Path.of(System.getProperty("jobform.jar", "../reconciler/target/jobform.jar")).toAbsolutePath();
    }

    static Path emulatorJar() {
        return Path.of(System.getProperty("jobform.root", "..")).resolve("emulator/target/jobform-emulator.jar")
                .toAbsolutePath().normalize();
    }

    static Outcome run(List<String> jvmOptions, Path jar, List<String> arguments, Path outputFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        Files.createDirectories(outputFile.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(process.exitValue(), wall, Files.readString(outputFile));
    }
}
