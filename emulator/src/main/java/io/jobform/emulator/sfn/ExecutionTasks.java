package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ECS tasks an execution started ({@code _tasks}: ARN, created, end, log streams) and the
 * container log lines still due ({@code _logs}), kept in the execution's stored body.
 */
final class ExecutionTasks {
    private ExecutionTasks() {}

    /**
     * Step Functions stops the task a .sync integration started when its execution stops: the
     * states role holds ecs:StopTask for it ("IAM policies for Amazon ECS/AWS Fargate",
     * https://docs.aws.amazon.com/step-functions/latest/dg/ecs-iam.html: "you can only stop
     * Amazon ECS tasks that were started by Step Functions"). ECS reports a StopTask as stop code
     * UserInitiated (API reference, Task.stopCode); the reason is the one Step Functions gives
     * the resources of an aborted Task state ("The Task state in AWS Step Functions execution
     * [arn] which was managing this resource was aborted", as a stopped Batch job shows it).
     */
    static void stop(ObjectNode execution, Instant at, TaskLedger ledger) {
        long t = at.toEpochMilli();
        String reason = "The Task state in AWS Step Functions execution [" + execution.path("executionArn").asText()
                + "] which was managing this resource was aborted";
        ArrayNode kept = JsonBody.mapper().createArrayNode();
        execution.withArray("_logs").forEach(l -> {
            if (l.path("at").asLong() <= t) {
                kept.add(l);
            }
        });
        for (JsonNode task : execution.withArray("_tasks")) {
            boolean running = task.path("created").asLong() <= t
                    && (!task.has("end") || task.path("end").asLong() > t);
            if (task.path("created").asLong() > t || running) {
                ledger.stop(task.path("taskArn").asText(), at, "UserInitiated", reason);
            }
            if (running) {
                ((ObjectNode) task).put("end", t);
                task.path("streams").forEach(s -> SimulatedRun.log(kept, s.path("region").asText(),
                        s.path("group").asText(), s.path("stream").asText(), at,
                        List.of(ContainerOutput.stopped("UserInitiated", reason))));
            }
        }
        execution.set("_logs", kept);
    }

    /** Writes the log lines the clock has reached, at their own moments, and forgets them. */
    static void writeLogs(ObjectNode execution, Instant now, ContainerLogs containerLogs) {
        JsonNode logs = execution.get("_logs");
        if (logs == null || logs.isEmpty()) {
            return;
        }
        ArrayNode later = JsonBody.mapper().createArrayNode();
        for (JsonNode l : logs) {
            if (l.path("at").asLong() > now.toEpochMilli()) {
                later.add(l);
                continue;
            }
            List<String> lines = new ArrayList<>();
            l.path("lines").forEach(line -> lines.add(line.asText()));
            containerLogs.write(l.path("region").asText(), l.path("group").asText(), l.path("stream").asText(),
                    lines, Instant.ofEpochMilli(l.path("at").asLong()));
        }
        execution.set("_logs", later);
    }

}
