package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.sfn.asl.TaskAnswer;
import io.jobform.emulator.sfn.asl.TaskCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code arn:aws:states:::ecs:runTask.sync} ("Run Amazon ECS or Fargate tasks with Step
 * Functions"): RunTask starts a simulated Fargate task (PROVISIONING, then RUNNING, then
 * STOPPED); the state's result is the stopped task's description with PascalCase members, as
 * Step Functions returns it. A task whose essential container exits non-zero, or that Fargate
 * Spot interrupts, fails with States.TaskFailed and the task JSON as Cause. RunTask errors are
 * ECS.AmazonECSException with the ECS error code in the Cause; a RunTask answer with Failures is
 * AmazonECS.Unknown. Each task started is recorded in the {@link TaskLedger} (ECS DescribeTasks
 * shows it) and in the {@link SimulatedRun}, with the lines its containers write to their
 * awslogs streams.
 */
final class EcsTaskSimulation {
    static final String API_ERROR = "ECS.AmazonECSException";
    static final String RUN_FAILURES = "AmazonECS.Unknown";

    private final TaskDefinitionLookup definitions;
    private final TaskOutcomes outcomes;
    private final TaskLedger ledger;
    private final SimulatedRun record;
    private int runs;

    EcsTaskSimulation(TaskDefinitionLookup definitions, TaskOutcomes outcomes, TaskLedger ledger, SimulatedRun record) {
        this.definitions = definitions;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.record = record;
    }

    TaskAnswer run(TaskCall call, String region, String accountId) {
        JsonNode p = call.parameters();
        String reference = p.path("TaskDefinition").asText();
        boolean spot = p.path("CapacityProviderStrategy").findValuesAsText("CapacityProvider").contains("FARGATE_SPOT");
        String family = reference.replaceFirst("^.*task-definition/", "").replaceFirst(":\\d+$", "");
        TaskOutcome outcome = outcomes.outcome(call.execution().name(), family, runs++);
        Instant t = call.at();
        String requestId = UUID.nameUUIDFromBytes((call.execution().executionArn() + "/" + runs)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Optional<JsonNode> definition = definitions.find(region, reference);
        if (definition.isEmpty()) {
            return apiError("ClientException", "TaskDefinition not found.", requestId, t);
        }
        if (outcome instanceof TaskOutcome.ApiError e) {
            return apiError(e.errorCode(), e.message(), requestId, t);
        }
        if (outcome instanceof TaskOutcome.NoSpotCapacity && spot) {
            // The capacity shortage as the ECS knowledge-center article "ecs-fargate-runtask-capacity" names it.
            return apiError("ClientException", "Capacity is unavailable at this time. Please try again later or in a "
                    + "different availability zone", requestId, t);
        }
        String cluster = p.path("Cluster").asText("default");
        String clusterArn = cluster.startsWith("arn:") ? cluster
                : "arn:aws:ecs:" + region + ":" + accountId + ":cluster/" + cluster;
        String taskId = requestId.replace("-", "");
        String taskArn = "arn:aws:ecs:" + region + ":" + accountId + ":task/" + clusterArn.replaceFirst("^.*cluster/", "")
                + "/" + taskId;
        if (outcome instanceof TaskOutcome.RunFailure f) {
            ObjectNode answer = JsonBody.object();
            answer.putArray("Failures").addObject().put("Arn", taskArn).put("Reason", f.reason());
            answer.putArray("Tasks");
            return TaskAnswer.failure(RUN_FAILURES, "Tasks provisioning failures: " + answer.get("Failures"), t);
        }
        EcsTaskDescription task = new EcsTaskDescription(definition.get(), p, taskArn, clusterArn, spot, t);
        List<ContainerOutput.Stream> streams = ContainerOutput.streams(definition.get(), p, taskArn, region);
        ObjectNode submitted = JsonBody.object();
        submitted.putArray("Failures");
        submitted.putArray("Tasks").add(task.provisioning());
        Instant running = t.plus(TaskOutcome.PROVISIONING);
        if (outcome instanceof TaskOutcome.StaysRunning) {
            started(task, running, Optional.empty(), streams);
            streams.forEach(s -> record.log(s, running, List.of(ContainerOutput.started(s))));
            return new TaskAnswer(Optional.of(submitted), Optional.empty(), Optional.empty(), TaskAnswer.NEVER);
        }
        if (outcome instanceof TaskOutcome.SpotInterruption s && spot) {
            Instant end = running.plus(s.after());
            ObjectNode stopped = task.stopped(running, end, Optional.empty(), "SpotInterruption",
                    "Your Spot Task was interrupted.");
            started(task, running, Optional.of(stopped), streams);
            streams.forEach(out -> {
                record.log(out, running, List.of(ContainerOutput.started(out)));
                record.log(out, end, List.of(ContainerOutput.stopped("SpotInterruption", "Your Spot Task was interrupted.")));
            });
            return TaskAnswer.failure("States.TaskFailed", stopped.toString(), end).submitted(submitted);
        }
        TaskOutcome.Exit exit = outcome instanceof TaskOutcome.Exit e ? e : (TaskOutcome.Exit) TaskOutcome.DEFAULT;
        Instant end = running.plus(exit.runTime());
        ObjectNode stopped = task.stopped(running, end, Optional.of(exit.exitCode()), "EssentialContainerExited",
                "Essential container in task exited");
        started(task, running, Optional.of(stopped), streams);
        for (ContainerOutput.Stream out : streams) {
            if (exit.lines().isEmpty()) {
                record.log(out, running, List.of(ContainerOutput.started(out)));
                record.log(out, end, List.of(ContainerOutput.exited(out, exitCode(stopped, out.container()))));
            } else {
                record.log(out, running, exit.lines());
            }
        }
        return exit.exitCode() == 0
                ? TaskAnswer.result(stopped, end).submitted(submitted)
                : TaskAnswer.failure("States.TaskFailed", stopped.toString(), end).submitted(submitted);
    }

    private void started(EcsTaskDescription task, Instant running, Optional<JsonNode> stopped,
            List<ContainerOutput.Stream> streams) {
        JsonNode provisioning = task.provisioning();
        ledger.started(provisioning, running, stopped);
        Instant created = Instant.ofEpochMilli(provisioning.path("CreatedAt").asLong());
        record.task(provisioning.path("TaskArn").asText(), created,
                stopped.map(s -> Instant.ofEpochMilli(s.path("StoppedAt").asLong())), streams);
    }

    private static int exitCode(JsonNode stopped, String container) {
        for (JsonNode c : stopped.path("Containers")) {
            if (c.path("Name").asText().equals(container)) {
                return c.path("ExitCode").asInt();
            }
        }
        return 0;
    }

    /** The Cause text of a failed API call of an optimized integration (AWS SDK for Java exception message). */
    private static TaskAnswer apiError(String code, String message, String requestId, Instant t) {
        return TaskAnswer.failure(API_ERROR, message + " (Service: AmazonECS; Status Code: 400; Error Code: " + code
                + "; Request ID: " + requestId + "; Proxy: null)", t);
    }

    static ArrayNode strings(JsonNode node) {
        return node.isArray() ? (ArrayNode) node : JsonBody.mapper().createArrayNode();
    }
}
