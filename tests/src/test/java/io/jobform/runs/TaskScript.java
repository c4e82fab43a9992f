package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One scripted answer of an {@code ecs:runTask.sync} (or other) Task state, in the shapes Step
 * Functions reports: a task description on success, or an error name with its Cause. A failed
 * task's Cause is its description as JSON with PascalCase members, as the .sync integration
 * returns it ("Run Amazon ECS or Fargate tasks with Step Functions").
 */
record TaskScript(Optional<JsonNode> output, Optional<String> error, Optional<String> cause) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXITED = "Essential container in task exited";
    static final String INTERRUPTED = "Your Spot Task was interrupted.";
    static final String CAPACITY = "Capacity is unavailable at this time. Please try again later or in a different availability zone";

    static TaskScript result(JsonNode output) {
        return new TaskScript(Optional.of(output), Optional.empty(), Optional.empty());
    }

    static TaskScript failure(String error, String cause) {
        return new TaskScript(Optional.empty(), Optional.of(error), Optional.of(cause));
    }

    static TaskScript success() {
        return result(task(Optional.of(0), "EssentialContainerExited", EXITED));
    }

    static TaskScript exit(int code) {
        return failure("States.TaskFailed", task(Optional.of(code), "EssentialContainerExited", EXITED).toString());
    }

    static TaskScript stopped(String stopCode, String reason) {
        return failure("States.TaskFailed", task(Optional.empty(), stopCode, reason).toString());
    }

    static ObjectNode task(Optional<Integer> exitCode, String stopCode, String reason) {
        ObjectNode task = JSON.createObjectNode();
        ObjectNode container = task.putArray("Containers").addObject().put("Name", "job").put("LastStatus", "STOPPED");
        exitCode.ifPresent(code -> container.put("ExitCode", code));
        task.put("LastStatus", "STOPPED").put("StopCode", stopCode).put("StoppedReason", reason)
                .put("TaskArn", "arn:aws:ecs:us-east-1:123456789012:task/jobs/0123456789abcdef");
        return task;
    }

    /** The form scripted results take in the Node driver and the emulator: {@code {"Output": …}} or {@code {"Error": …, "Cause": …}}. */
    ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        output.ifPresent(o -> out.set("Output", o));
        error.ifPresent(e -> out.put("Error", e));
        cause.ifPresent(c -> out.put("Cause", c));
        return out;
    }
}
