package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.Optional;

/**
 * A simulated task as DescribeTasks describes it, with the PascalCase member names and epoch
 * millisecond times Step Functions uses in a runTask.sync result (ECS API reference, Task).
 */
final class EcsTaskDescription {
    private final JsonNode definition;
    private final JsonNode request;
    private final String taskArn;
    private final String clusterArn;
    private final boolean spot;
    private final Instant created;

    EcsTaskDescription(JsonNode definition, JsonNode request, String taskArn, String clusterArn, boolean spot,
            Instant created) {
        this.definition = definition;
        this.request = request;
        this.taskArn = taskArn;
        this.clusterArn = clusterArn;
        this.spot = spot;
        this.created = created;
    }

    ObjectNode provisioning() {
        ObjectNode task = base("PROVISIONING", "RUNNING");
        containers(task, "PENDING", Optional.empty());
        return task;
    }

    ObjectNode stopped(Instant started, Instant stopped, Optional<Integer> exitCode, String stopCode, String reason) {
        ObjectNode task = base("STOPPED", "STOPPED");
        task.put("PullStartedAt", created.toEpochMilli()).put("PullStoppedAt", started.toEpochMilli());
        task.put("StartedAt", started.toEpochMilli()).put("StoppingAt", stopped.toEpochMilli());
        task.put("StoppedAt", stopped.toEpochMilli()).put("ExecutionStoppedAt", stopped.toEpochMilli());
        task.put("StopCode", stopCode).put("StoppedReason", reason);
        containers(task, "STOPPED", exitCode);
        return task;
    }

    private ObjectNode base(String lastStatus, String desiredStatus) {
        ObjectNode task = JsonBody.object();
        task.putArray("Attachments");
        task.put("AvailabilityZone", clusterArn.split(":")[3] + "a");
        task.put("CapacityProviderName", spot ? "FARGATE_SPOT" : "FARGATE");
        task.put("ClusterArn", clusterArn);
        task.put("Connectivity", "CONNECTED");
        task.put("Cpu", definition.path("cpu").asText("256"));
        task.put("CreatedAt", created.toEpochMilli());
        task.put("DesiredStatus", desiredStatus);
        task.put("EnableExecuteCommand", false);
        if (request.has("Group")) {
            task.set("Group", request.get("Group"));
        }
        task.put("LastStatus", lastStatus);
        if (!spot) {
            task.put("LaunchType", "FARGATE");
        }
        task.put("Memory", definition.path("memory").asText("512"));
        task.set("Overrides", request.has("Overrides") ? request.get("Overrides") : JsonBody.object());
        task.put("PlatformVersion", "1.4.0");
        task.put("StartedBy", "AWS Step Functions");
        task.putArray("Tags");
        task.put("TaskArn", taskArn);
        task.put("TaskDefinitionArn", definition.path("taskDefinitionArn").asText());
        task.put("Version", 1);
        return task;
    }

    private void containers(ObjectNode task, String lastStatus, Optional<Integer> exitCode) {
        ArrayNode containers = task.putArray("Containers");
        for (JsonNode c : definition.path("containerDefinitions")) {
            ObjectNode out = containers.addObject();
            out.put("ContainerArn", clusterArn.replaceFirst(":cluster/.*", ":container/") + c.path("name").asText()
                    + "/" + taskArn.substring(taskArn.lastIndexOf('/') + 1));
            out.put("Image", c.path("image").asText());
            out.put("LastStatus", lastStatus);
            out.put("Name", c.path("name").asText());
            boolean essential = c.path("essential").asBoolean(true);
            if (lastStatus.equals("STOPPED")) {
                exitCode.map(code -> essential ? code : 0).ifPresent(code -> out.put("ExitCode", code));
            }
            out.put("TaskArn", taskArn);
        }
    }
}
