package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tasks Step Functions' ecs:runTask.sync started in the emulator, as DescribeTasks shows
 * them at the clock's moment: each is stored with its whole computed life (PROVISIONING from
 * its creation, RUNNING from its start, STOPPED from its end), in the PascalCase form Step
 * Functions reports, and answered in the API's camelCase form.
 */
public final class SimulatedTasks {
    private final Map<String, ObjectNode> byArn = new TreeMap<>();

    /**
     * A task's computed life; {@code stopped} is empty for a task that keeps running until it
     * is stopped.
     */
    public synchronized void started(JsonNode provisioning, Instant runningAt, Optional<JsonNode> stopped) {
        ObjectNode task = JsonBody.object();
        task.set("provisioning", provisioning.deepCopy());
        task.put("runningAt", runningAt.toEpochMilli());
        stopped.ifPresent(s -> task.set("stopped", s.deepCopy()));
        byArn.put(provisioning.path("TaskArn").asText(), task);
    }

    /**
     * StopTask at {@code at}: a task still PROVISIONING or RUNNING then ends with this stop code
     * and reason; one that had not been created yet never existed; one that had ended is kept.
     */
    public synchronized void stop(String taskArn, Instant at, String stopCode, String reason) {
        ObjectNode task = byArn.get(taskArn);
        if (task == null) {
            return;
        }
        ObjectNode provisioning = (ObjectNode) task.get("provisioning");
        long t = at.toEpochMilli();
        if (t < provisioning.path("CreatedAt").asLong()) {
            byArn.remove(taskArn);
            return;
        }
        JsonNode stopped = task.get("stopped");
        if (stopped != null && stopped.path("StoppedAt").asLong() <= t) {
            return;
        }
        long running = task.path("runningAt").asLong();
        ObjectNode out = provisioning.deepCopy();
        out.put("LastStatus", "STOPPED").put("DesiredStatus", "STOPPED");
        if (t >= running) {
            out.put("PullStartedAt", out.path("CreatedAt").asLong()).put("PullStoppedAt", running).put("StartedAt", running);
        }
        out.put("StoppingAt", t).put("StoppedAt", t).put("ExecutionStoppedAt", t);
        out.put("StopCode", stopCode).put("StoppedReason", reason);
        out.withArray("Containers").forEach(c -> ((ObjectNode) c).put("LastStatus", "STOPPED"));
        task.set("stopped", out);
    }

    /** DescribeTasks: tasks by ARN or ID in the cluster; the others are failures with reason MISSING. */
    synchronized ObjectNode describe(Fields in, String region, String accountId, Instant now) {
        String cluster = in.string("cluster").orElse("default");
        String clusterArn = cluster.startsWith("arn:") ? cluster
                : "arn:aws:ecs:" + region + ":" + accountId + ":cluster/" + cluster;
        List<String> wanted = in.strings("tasks");
        if (wanted.isEmpty() || wanted.size() > 100) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty and can have at most 100 items.");
        }
        ObjectNode out = JsonBody.object();
        ArrayNode tasks = out.putArray("tasks");
        ArrayNode failures = out.putArray("failures");
        for (String reference : wanted) {
            String arn = reference.startsWith("arn:") ? reference
                    : clusterArn.replace(":cluster/", ":task/") + "/" + reference;
            Optional<ObjectNode> task = Optional.ofNullable(byArn.get(arn))
                    .filter(t -> t.path("provisioning").path("ClusterArn").asText().equals(clusterArn))
                    .flatMap(t -> at(t, now.toEpochMilli()));
            task.ifPresentOrElse(t -> tasks.add(TaskWire.api(t)),
                    () -> failures.addObject().put("arn", arn).put("reason", "MISSING"));
        }
        return out;
    }

    private static Optional<ObjectNode> at(ObjectNode task, long now) {
        ObjectNode provisioning = (ObjectNode) task.get("provisioning");
        if (now < provisioning.path("CreatedAt").asLong()) {
            return Optional.empty();
        }
        long running = task.path("runningAt").asLong();
        if (now < running) {
            return Optional.of(provisioning);
        }
        JsonNode stopped = task.get("stopped");
        if (stopped != null && stopped.path("StoppedAt").asLong() <= now) {
            return Optional.of((ObjectNode) stopped);
        }
        ObjectNode out = provisioning.deepCopy();
        out.put("LastStatus", "RUNNING");
        out.put("PullStartedAt", out.path("CreatedAt").asLong()).put("PullStoppedAt", running).put("StartedAt", running);
        out.withArray("Containers").forEach(c -> ((ObjectNode) c).put("LastStatus", "RUNNING"));
        return Optional.of(out);
    }

    synchronized JsonNode snapshot() {
        ObjectNode out = JsonBody.object();
        byArn.forEach(out::set);
        return out;
    }

    synchronized void restore(JsonNode snapshot) {
        byArn.clear();
        for (Iterator<Map.Entry<String, JsonNode>> it = snapshot.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byArn.put(e.getKey(), (ObjectNode) e.getValue().deepCopy());
        }
    }
}
