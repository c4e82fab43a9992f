package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/** What an example run must show, derived from its manifest (docs/resources.md, "State machine"). */
final class ExampleChecks {
    private ExampleChecks() {}

    /** The RunTask parameters the state sent: cluster, family, capacity, network and the overrides with the input. */
    static void assertRequest(ScheduledJob job, JsonNode request, ExampleRun run, boolean spot) {
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
    static void assertTask(ScheduledJob job, Task task, ExampleRun run, boolean spot) {
        String family = "jobform-" + job.name();
        int revision = run.sandbox().clients.ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().revision();
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
    static List<String> logLines(ExampleRun run, Task task) {
        ScheduledJob job = run.job();
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        return run.sandbox().clients.logs().getLogEvents(r -> r.logGroupName("/jobform/jobform")
                        .logStreamName(job.name() + "/" + job.name() + "/" + id).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }
    /**
     * Step Functions stops the task of a stopped execution's runTask.sync state: STOPPED with stop
     * code UserInitiated and the reason naming the execution, and its container wrote no exit line.
     */
    static void assertStoppedBy(ExampleRun run, Instant at) {
        Task task = run.tasks().get(0);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(task.stoppedReason()).isEqualTo("The Task state in AWS Step Functions execution [" + run.arn()
                + "] which was managing this resource was aborted");
        assertThat(task.stoppedAt()).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
        assertThat(task.containers().get(0).exitCode()).isNull();
        assertThat(logLines(run, task)).last().isEqualTo("[jobform emulator] simulated task stopped (UserInitiated): "
                + task.stoppedReason());
    }
}
