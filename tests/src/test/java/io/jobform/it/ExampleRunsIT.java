package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.sfn.PublishedMessage;
import io.jobform.emulator.sfn.TaskOutcome;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.ScheduledJob;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Every ScheduledJob in {@code manifests/} (with {@code _defaults.yaml}), reconciled into the
 * emulator and run end to end through the real SDK: the execution starts with the input its
 * schedule sends, the emulator's clock lets the simulated ECS task run to its end, and the
 * test checks the status, the states visited, the RunTask request the task received (as ECS
 * describes the task), the result, the container's log lines and, for failing outcomes, the
 * retries, the Fail state's error and the failure notice. A new example is covered by adding
 * its file: the jobs are read from the folder. Expectations follow docs/resources.md.
 */
class ExampleRunsIT extends AppliedExamplesOnClock {

    static Stream<Arguments> every() throws IOException {
        return examples(job -> true);
    }

    static Stream<Arguments> spotWithFallback() throws IOException {
        return examples(job -> job.spec().capacity() == Capacity.SPOT_WITH_FALLBACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void aRunSucceedsWithTheDefaultOutcome(String name, ScheduledJob job) {
        ExampleRun run = runToTheEnd(job, "ok-" + System.nanoTime());
        var execution = run.describe();
        assertThat(execution.status()).as(execution.error() + ": " + execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.path()).containsExactlyElementsOf(ExpectedPath.succeeded(job));
        String runTask = job.spec().capacity() == Capacity.ON_DEMAND ? "RunTask" : "RunTaskOnSpot";
        assertThat(run.branchPath()).containsExactly("StartAttempt", runTask);

        List<JsonNode> requests = run.runTaskRequests();
        assertThat(requests).hasSize(1);
        ExampleChecks.assertRequest(job, requests.get(0), run, job.spec().capacity() != Capacity.ON_DEMAND);
        Task task = run.tasks().get(0);
        ExampleChecks.assertTask(job, task, run, job.spec().capacity() != Capacity.ON_DEMAND);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).exitCode()).isZero();

        JsonNode output = ExampleRun.read(execution.output());
        assertThat(output.path("input")).isEqualTo(job.spec().input());
        assertThat(output.path("task").path("TaskArn").asText()).isEqualTo(task.taskArn());
        assertThat(output.path("task").path("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(output.path("task").at("/Containers/0/ExitCode").asInt(-1)).isZero();

        assertThat(ExampleChecks.logLines(run, task)).containsExactly(
                "[jobform emulator] simulated container " + job.name() + " started from " + job.spec().container().image()
                        + "; it would run " + ExpectedPath.command(job),
                "[jobform emulator] simulated container " + job.name() + " exited with code 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void aContainerThatExits3IsRetriedThenFailsAndNotifies(String name, ScheduledJob job) {
        String execution = "exit3-" + System.nanoTime();
        states().taskOutcomes().forExecution(execution, new TaskOutcome.Exit(3, Duration.ofSeconds(20)));
        ExampleRun run = runToTheEnd(job, execution);
        var described = run.describe();
        int attempts = job.spec().retries().limit() + 1;
        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("jobform.ContainerFailed");
        assertThat(described.cause()).isEqualTo("exit code 3: Essential container in task exited (attempts: " + attempts + ")");
        assertThat(run.path()).containsExactlyElementsOf(ExpectedPath.failed(job));
        List<String> branch = run.branchPath();
        assertThat(branch).filteredOn(s -> s.startsWith("RunTask")).hasSize(attempts);
        assertThat(branch).filteredOn("WaitBeforeRetry"::equals).hasSize(attempts - 1);
        assertThat(branch).endsWith("GiveUp");

        List<Task> tasks = run.tasks();
        assertThat(tasks).hasSize(attempts).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.containers().get(0).exitCode()).isEqualTo(3);
        });
        List<PublishedMessage> notices = states().publishedMessages().stream()
                .filter(m -> m.executionArn().equals(run.arn())).toList();
        if (job.spec().notifications().onFailure().isEmpty()) {
            assertThat(notices).isEmpty();
            return;
        }
        assertThat(notices).singleElement().satisfies(m -> {
            assertThat(m.topicArn()).isEqualTo(job.spec().notifications().onFailure().get());
            assertThat(m.subject()).contains("jobform: job " + job.name() + " failed");
            JsonNode body = ExampleRun.read(m.message());
            assertThat(body.path("class").asText()).isEqualTo("jobform.ContainerFailed");
            assertThat(body.path("exitCode").asInt()).isEqualTo(3);
            assertThat(body.path("attempts").asInt()).isEqualTo(attempts);
            assertThat(body.path("executionArn").asText()).isEqualTo(run.arn());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spotWithFallback")
    void withoutSpotCapacityTheRunFallsBackToOnDemand(String name, ScheduledJob job) {
        String execution = "no-spot-" + System.nanoTime();
        states().taskOutcomes().forExecution(execution, new TaskOutcome.NoSpotCapacity());
        ExampleRun run = runToTheEnd(job, execution);
        assertThat(run.describe().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.path()).containsExactlyElementsOf(ExpectedPath.succeeded(job));
        assertThat(run.branchPath()).startsWith("StartAttempt", "RunTaskOnSpot").endsWith("RunTaskOnDemand")
                .contains("FallBackToOnDemand");
        List<JsonNode> requests = run.runTaskRequests();
        assertThat(requests).hasSize(2);
        ExampleChecks.assertRequest(job, requests.get(0), run, true);
        ExampleChecks.assertRequest(job, requests.get(1), run, false);
        // No Spot capacity: RunTask itself failed, so ECS started only the on-demand task.
        assertThat(run.tasks()).singleElement().satisfies(t -> {
            ExampleChecks.assertTask(job, t, run, false);
            assertThat(t.containers().get(0).exitCode()).isZero();
        });
    }
}
