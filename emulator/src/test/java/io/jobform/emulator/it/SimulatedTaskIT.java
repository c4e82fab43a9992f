package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.sfn.StepFunctionsService;
import io.jobform.emulator.sfn.TaskOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The task ecs:runTask.sync simulates, seen through the real SDK on a clock the test moves:
 * ECS DescribeTasks follows it PROVISIONING → RUNNING → STOPPED, its container writes to the
 * awslogs stream ECS names, and StopExecution stops it.
 */
class SimulatedTaskIT {
    static final String GROUP = "/it/jobs";
    static final String DEFINITION = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync",
              "Parameters":{"Cluster":"jobs","TaskDefinition":"report","LaunchType":"FARGATE",
                "NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-1"],"AssignPublicIp":"DISABLED"}},
                "Overrides":{"ContainerOverrides":[{"Name":"main","Command":["report","--day","2026-12-01"]}]}},
              "End":true}}}""";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    Emulator emulator;
    SfnClient sfn;
    EcsClient ecs;
    CloudWatchLogsClient logs;
    String machine;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
        URI endpoint = emulator.endpoint();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        String role;
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build()) {
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                    + "[\"states.amazonaws.com\",\"ecs-tasks.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}";
            role = iam.createRole(r -> r.roleName("runner").assumeRolePolicyDocument(trust)).role().arn();
        }
        clock.advance(Duration.ofMinutes(1)); // past IAM propagation
        String executionRole = role;
        ecs.registerTaskDefinition(r -> r.family("report").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").executionRoleArn(executionRole)
                .containerDefinitions(c -> c.name("main").image("example/report:1").essential(true)
                        .command("report")
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", GROUP,
                                "awslogs-region", "us-east-1", "awslogs-stream-prefix", "report")))));
        machine = sfn.createStateMachine(r -> r.name("report").definition(DEFINITION).roleArn(executionRole))
                .stateMachineArn();
    }

    @AfterEach
    void stop() {
        sfn.close();
        ecs.close();
        logs.close();
        emulator.close();
    }

    private String taskArn(String execution) throws Exception {
        HistoryEvent submitted = sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                .filter(e -> e.type() == HistoryEventType.TASK_SUBMITTED).findFirst().orElseThrow();
        return new ObjectMapper().readTree(submitted.taskSubmittedEventDetails().output())
                .path("Tasks").get(0).path("TaskArn").asText();
    }

    private Task describe(String taskArn) {
        var answer = ecs.describeTasks(r -> r.cluster("jobs").tasks(taskArn));
        assertThat(answer.failures()).isEmpty();
        return answer.tasks().get(0);
    }

    private List<String> lines(String stream) {
        return logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).startFromHead(true)).events()
                .stream().map(e -> e.timestamp() + " " + e.message()).toList();
    }

    @Test
    void aTaskGoesFromProvisioningToStoppedAndItsContainerWritesToItsStream() throws Exception {
        Instant started = clock.instant();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("day")).executionArn();
        String task = taskArn(execution);
        String id = task.substring(task.lastIndexOf('/') + 1);
        assertThat(task).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task/jobs/" + id);
        assertThat(describe(task).lastStatus()).isEqualTo("PROVISIONING");
        assertThat(ecs.describeTasks(r -> r.cluster("other").tasks(task)).failures())
                .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));

        clock.advance(Duration.ofSeconds(2));
        Task running = describe(task);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(started.plusSeconds(2));
        assertThat(running.overrides().containerOverrides().get(0).command()).containsExactly("report", "--day",
                "2026-12-01");
        String stream = "report/main/" + id;
        long runningAt = started.plusSeconds(2).toEpochMilli();
        assertThat(lines(stream)).containsExactly(runningAt + " [jobform emulator] simulated container main started "
                + "from example/report:1; it would run [\"report\",\"--day\",\"2026-12-01\"]");

        clock.advance(Duration.ofSeconds(3));
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Task stopped = describe(task);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(lines(stream)).hasSize(2).last()
                .isEqualTo((runningAt + 3000) + " [jobform emulator] simulated container main exited with code 0");
    }

    @Test
    void anOutcomeSuppliesTheContainersLines() throws Exception {
        emulator.service(StepFunctionsService.class).taskOutcomes().forExecution("noisy",
                new TaskOutcome.Exit(3, Duration.ofSeconds(10), List.of("connecting", "ERROR: no rows")));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("noisy")).executionArn();
        String task = taskArn(execution);
        clock.advance(Duration.ofSeconds(12));
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(describe(task).containers().get(0).exitCode()).isEqualTo(3);
        assertThat(logs.getLogEvents(r -> r.logGroupName(GROUP).startFromHead(true)
                        .logStreamName("report/main/" + task.substring(task.lastIndexOf('/') + 1))).events())
                .extracting(OutputLogEvent::message).containsExactly("connecting", "ERROR: no rows");
    }

    @Test
    void stopExecutionStopsTheRunningTask() throws Exception {
        emulator.service(StepFunctionsService.class).taskOutcomes().forExecution("long", new TaskOutcome.Exit(0,
                Duration.ofHours(1)));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("long")).executionArn();
        String task = taskArn(execution);
        clock.advance(Duration.ofSeconds(30));
        assertThat(describe(task).lastStatus()).isEqualTo("RUNNING");

        Instant stoppedAt = clock.instant();
        sfn.stopExecution(r -> r.executionArn(execution).error("jobform.Stopped").cause("by hand"));
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.ABORTED);
        clock.advance(Duration.ofHours(2));
        Task stopped = describe(task);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("The Task state in AWS Step Functions execution [" + execution
                + "] which was managing this resource was aborted");
        assertThat(stopped.stoppedAt()).isEqualTo(stoppedAt);
        assertThat(stopped.containers().get(0).exitCode()).isNull();
        // The exit line the task would have written an hour later never comes; the stop is noted instead.
        String stream = "report/main/" + task.substring(task.lastIndexOf('/') + 1);
        assertThat(lines(stream)).hasSize(2).last().isEqualTo(stoppedAt.toEpochMilli()
                + " [jobform emulator] simulated task stopped (UserInitiated): " + stopped.stoppedReason());
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events()).last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED));
    }
}
