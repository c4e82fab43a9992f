package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it with --local: the operate commands see what apply created
 * and what an earlier run started, across processes (the embedded emulator's saved state).
 */
class OperateJarIT {
    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    private Run jobform(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jobform.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(work.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out, java.nio.file.Files.readString(work.resolve("stderr.txt")));
    }

    @Test
    void runThenHistoryAndGetAcrossProcesses() throws Exception {
        Sandbox.copyExamples(work.resolve("manifests"));
        assertThat(jobform("apply", "--local").exit()).isZero();

        // The simulated task keeps running, so the next processes still see the run RUNNING.
        Run run = jobform("run", "backfill-orders", "--local", "--input", "to=2026-02-28", "-o", "json",
                "--local-outcome", "stays-running");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        String arn = new ObjectMapper().readTree(run.out()).path("executionArn").asText();
        assertThat(arn).startsWith("arn:aws:states:us-east-1:123456789012:execution:jobform-backfill-orders:manual-");

        Run history = jobform("history", "backfill-orders", "--local", "-o", "json");
        assertThat(history.exit()).as(history.err()).isZero();
        JsonNode execution = new ObjectMapper().readTree(history.out()).path("executions").get(0);
        assertThat(execution.path("executionArn").asText()).isEqualTo(arn);
        assertThat(execution.path("status").asText()).isEqualTo("RUNNING");
        assertThat(execution.path("input")).isEqualTo(new ObjectMapper().readTree(
                "{\"input\":{\"from\":\"2026-01-01\",\"to\":\"2026-02-28\"}}"));

        Run get = jobform("get", "jobs", "--local");
        assertThat(get.exit()).as(get.err()).isZero();
        assertThat(get.out()).containsPattern("backfill-orders +on demand +- +- +1 +\\S+ ago +RUNNING +- +yes");

        Run unknown = jobform("describe", "job", "nope", "--local");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("jobform describe: ScheduledJob/nope: unknown job: no status object in "
                + "s3://jobform-local/_jobform/status/ (not applied yet, or another --instance or --bucket?)\n");
    }

    @Test
    void aLocalRunWritesTheSimulatedContainersLinesThatLogsPrints() throws Exception {
        Sandbox.copyExamples(work.resolve("manifests"));
        assertThat(jobform("apply", "--local").exit()).isZero();

        // The simulated task provisions for 2 s and runs for 3 s on the wall clock.
        Run run = jobform("run", "nightly-report", "--local", "--wait", "-o", "json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.path("execution").path("exitCode").asInt(-1)).isZero();

        Run logs = jobform("logs", "nightly-report", "--local");
        assertThat(logs.exit()).as(logs.err()).isZero();
        var header = java.util.regex.Pattern.compile("^==> attempt 1: task ([0-9a-f]{32}) ").matcher(logs.out());
        assertThat(header.find()).as(logs.out()).isTrue();
        String taskId = header.group(1);
        assertThat(logs.out()).isEqualTo("==> attempt 1: task " + taskId + " (log stream nightly-report/nightly-report/"
                + taskId + ") <==\n"
                + "[jobform emulator] simulated container nightly-report started from "
                + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.4.2; it would run "
                + "[\"python\",\"report.py\",\"--day\",\"yesterday\"]\n"
                + "[jobform emulator] simulated container nightly-report exited with code 0\n");
    }
}
