package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.sfn.PublishedMessage;
import io.jobform.emulator.sfn.StepFunctionsService;
import io.jobform.emulator.sfn.TaskOutcome;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
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
class ExampleRunsIT {
    static final Path EXAMPLES = Sandbox.repoRoot().resolve("manifests");
    static final OffsetClock CLOCK = new OffsetClock();

    @TempDir
    static Path work;
    static Sandbox sandbox;

    @BeforeAll
    static void apply() {
        sandbox = new Sandbox(work, EmulatorOptions.defaults().withClock(CLOCK));
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    static List<ScheduledJob> examples() throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new ManifestFile("manifests/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        ValidationReport report = new Validator().validate(files, "jobform");
        assertThat(report.valid()).as(report.violations().toString()).isTrue();
        assertThat(report.jobs()).isNotEmpty();
        return report.jobs();
    }

    static Stream<Arguments> succeeding() throws IOException {
        return examples().stream().map(j -> Arguments.of(j.name(), j));
    }

    static Stream<Arguments> spotWithFallback() throws IOException {
        return examples().stream().filter(j -> j.spec().capacity() == Capacity.SPOT_WITH_FALLBACK)
                .map(j -> Arguments.of(j.name(), j));
    }

    private StepFunctionsService states() {
        return sandbox.emulator.service(StepFunctionsService.class);
    }

    /** Starts a run as its schedule would, now, and moves the emulator two days on: every example run ends by then. */
    private ExampleRun runToTheEnd(ScheduledJob job, String name) {
        ExampleRun run = ExampleRun.start(sandbox, job, name, CLOCK.instant());
        CLOCK.advance(Duration.ofDays(2));
        return run;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("succeeding")
    void aRunSucceedsWithTheDefaultOutcome(String name, ScheduledJob job) {
        ExampleRun run = runToTheEnd(job, "ok-" + System.nanoTime());
        var execution = run.describe();
        assertThat(execution.status()).as(execution.error() + ": " + execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.path()).containsExactlyElementsOf(ExpectedPath.succeeded(job));
        String runTask = job.spec().capacity() == Capacity.ON_DEMAND ? "RunTask" : "RunTaskOnSpot";
        assertThat(run.branchPath()).containsExactly("StartAttempt", runTask);

        List<JsonNode> requests = run.runTaskRequests();
        assertThat(requests).hasSize(1);
        assertRequest(job, requests.get(0), run, job.spec().capacity() != Capacity.ON_DEMAND);
        Task task = run.tasks().get(0);
        assertTask(job, task, run, job.spec().capacity() != Capacity.ON_DEMAND);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).exitCode()).isZero();

        JsonNode output = ExampleRun.read(execution.output());
        assertThat(output.path("input")).isEqualTo(job.spec().input());
        assertThat(output.path("task").path("TaskArn").asText()).isEqualTo(task.taskArn());
        assertThat(output.path("task").path("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(output.path("task").at("/Containers/0/ExitCode").asInt(-1)).isZero();

        assertThat(logLines(job, task)).containsExactly(
                "[jobform emulator] simulated container " + job.name() + " started from " + job.spec().container().image()
                        + "; it would run " + ExpectedPath.command(job),
                "[jobform emulator] simulated container " + job.name() + " exited with code 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("succeeding")
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
        assertRequest(job, requests.get(0), run, true);
        assertRequest(job, requests.get(1), run, false);
        // No Spot capacity: RunTask itself failed, so ECS started only the on-demand task.
        assertThat(run.tasks()).singleElement().satisfies(t -> {
            assertTask(job, t, run, false);
            assertThat(t.containers().get(0).exitCode()).isZero();
        });
    }

    /** The RunTask parameters the state sent: cluster, family, capacity, network and the overrides with the input. */
    private static void assertRequest(ScheduledJob job, JsonNode request, ExampleRun run, boolean spot) {
        assertThat(request.path("Cluster").asText()).isEqualTo(job.spec().cluster().orElse("jobform-local"));
        assertThat(request.path("TaskDefinition").asText()).isEqualTo("jobform-" + job.name());
        if (spot) {
            assertThat(request.has("LaunchType")).isFalse();
            assertThat(request.path("CapacityProviderStrategy").toString())
                    .isEqualTo("[{\"CapacityProvider\":\"FARGATE_SPOT\",\"Weight\":1}]");
        } else {
            assertThat(request.path("LaunchType").asText()).isEqualTo("FARGATE");
            assertThat(request.has("CapacityProviderStrategy")).isFalse();
        }
        Network network = job.spec().network().orElseThrow();
        JsonNode vpc = request.path("NetworkConfiguration").path("AwsvpcConfiguration");
        assertThat(vpc.path("Subnets")).extracting(JsonNode::asText).containsExactlyElementsOf(network.subnets());
        assertThat(vpc.path("SecurityGroups")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(network.securityGroups());
        assertThat(vpc.path("AssignPublicIp").asText()).isEqualTo(network.assignPublicIp() ? "ENABLED" : "DISABLED");
        assertThat(request.path("Group").asText()).isEqualTo(run.name());
    }

    /** The task as ECS describes it: the latest revision of the job's family, its capacity, group and overrides. */
    private static void assertTask(ScheduledJob job, Task task, ExampleRun run, boolean spot) {
        String family = "jobform-" + job.name();
        int revision = sandbox.clients.ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().revision();
        assertThat(task.taskDefinitionArn())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":" + revision);
        assertThat(task.clusterArn()).endsWith(":cluster/" + job.spec().cluster().orElse("jobform-local"));
        assertThat(task.capacityProviderName()).isEqualTo(spot ? "FARGATE_SPOT" : "FARGATE");
        assertThat(task.launchTypeAsString()).isEqualTo(spot ? null : "FARGATE");
        assertThat(task.group()).isEqualTo(run.name());
        assertThat(task.overrides().containerOverrides()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo(job.name());
            assertThat(o.environment()).anySatisfy(e -> {
                assertThat(e.name()).isEqualTo("JOB_INPUT");
                assertThat(ExampleRun.read(e.value())).isEqualTo(job.spec().input());
            });
            assertThat(o.environment()).anySatisfy(e -> {
                assertThat(e.name()).isEqualTo("JOB_EXECUTION");
                assertThat(e.value()).isEqualTo(run.name());
            });
        });
    }

    /** The lines in the task's awslogs stream: group /jobform/jobform, stream job/job/task-id. */
    private static List<String> logLines(ScheduledJob job, Task task) {
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        return sandbox.clients.logs().getLogEvents(r -> r.logGroupName("/jobform/jobform")
                        .logStreamName(job.name() + "/" + job.name() + "/" + id).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }
}
