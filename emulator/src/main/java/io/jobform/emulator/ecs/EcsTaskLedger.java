package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.sfn.TaskLedger;
import java.time.Instant;
import java.util.Optional;

/** Step Functions' record of the tasks it starts, kept by the emulator's ECS for DescribeTasks. */
public record EcsTaskLedger(SimulatedTasks tasks) implements TaskLedger {
    @Override
    public void started(JsonNode provisioning, Instant runningAt, Optional<JsonNode> stopped) {
        tasks.started(provisioning, runningAt, stopped);
    }

    @Override
    public void stop(String taskArn, Instant at, String stopCode, String reason) {
        tasks.stop(taskArn, at, stopCode, reason);
    }
}
