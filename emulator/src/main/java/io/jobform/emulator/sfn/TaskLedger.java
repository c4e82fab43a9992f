package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Where ecs:runTask.sync records the tasks it starts, so that ECS describes them, and stops
 * them when their execution is stopped (the emulator's ECS; nothing when it runs alone).
 */
public interface TaskLedger {
    TaskLedger NONE = new TaskLedger() {
        @Override
        public void started(JsonNode provisioning, Instant runningAt, Optional<JsonNode> stopped) {}

        @Override
        public void stop(String taskArn, Instant at, String stopCode, String reason) {}
    };

    /** A task's computed life, in Step Functions' form; {@code stopped} is empty while it keeps running. */
    void started(JsonNode provisioning, Instant runningAt, Optional<JsonNode> stopped);

    /** StopTask at {@code at} with this stop code and reason. */
    void stop(String taskArn, Instant at, String stopCode, String reason);
}
