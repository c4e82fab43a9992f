package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one computation of an execution started outside Step Functions: the ECS tasks with
 * their life span and log streams, and the log lines due at their simulated moments. The
 * runner keeps both in the execution's bookkeeping ({@code _tasks}, {@code _logs}).
 */
final class SimulatedRun {
    final ArrayNode tasks = JsonBody.mapper().createArrayNode();
    final ArrayNode logs = JsonBody.mapper().createArrayNode();

    void task(String taskArn, Instant created, Optional<Instant> end, List<ContainerOutput.Stream> streams) {
        ObjectNode task = tasks.addObject().put("taskArn", taskArn).put("created", created.toEpochMilli());
        end.ifPresent(e -> task.put("end", e.toEpochMilli()));
        ArrayNode out = task.putArray("streams");
        streams.forEach(s -> out.addObject().put("region", s.region()).put("group", s.group()).put("stream", s.stream()));
    }

    void log(ContainerOutput.Stream s, Instant at, List<String> lines) {
        log(logs, s.region(), s.group(), s.stream(), at, lines);
    }

    static void log(ArrayNode into, String region, String group, String stream, Instant at, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        ObjectNode entry = into.addObject().put("at", at.toEpochMilli()).put("region", region).put("group", group)
                .put("stream", stream);
        lines.forEach(entry.putArray("lines")::add);
    }
}
