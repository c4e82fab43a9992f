package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What the container did, read from where the state machine leaves it: on success the
 * {@code ecs:runTask.sync} result is kept at {@code $.task} of the output; on failure the
 * Fail state reports the caught error and its cause, and for a failed task
 * ({@code States.TaskFailed}) the cause is the ECS task description as JSON (Step Functions
 * developer guide, "Run Amazon ECS or Fargate tasks with Step Functions"). The integration
 * writes ECS's member names in PascalCase; camelCase is accepted as well.
 *
 * @param exitCode      the exit code of the first container that reported one
 * @param stopCode      ECS StopCode, e.g. EssentialContainerExited, TaskFailedToStart
 * @param stoppedReason ECS StoppedReason, or the failure cause when it is not a task description
 */
public record TaskResult(Optional<Integer> exitCode, Optional<String> stopCode, Optional<String> stoppedReason,
        Optional<String> containerReason) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 300;

    public static TaskResult none() {
        return new TaskResult(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static TaskResult of(Execution execution) {
        if (execution.succeeded()) {
            return execution.output().flatMap(TaskResult::json).map(o -> o.path("task"))
                    .filter(JsonNode::isObject).map(TaskResult::fromTask).orElse(none());
        }
        Optional<RunFailure> failure = RunFailure.of(execution);
        if (failure.isPresent()) {
            return new TaskResult(failure.get().exitCode(), Optional.empty(), Optional.of(shorten(failure.get().reason())),
                    Optional.empty());
        }
        Optional<String> cause = execution.cause().filter(c -> !c.isBlank());
        Optional<JsonNode> task = cause.flatMap(TaskResult::json).filter(JsonNode::isObject);
        if (task.isPresent()) {
            return fromTask(task.get());
        }
        return new TaskResult(Optional.empty(), Optional.empty(), cause.map(TaskResult::shorten), Optional.empty());
    }

    static TaskResult fromTask(JsonNode task) {
        Optional<Integer> exit = Optional.empty();
        Optional<String> containerReason = Optional.empty();
        for (JsonNode container : member(task, "Containers")) {
            JsonNode code = member(container, "ExitCode");
            if (code.isIntegralNumber()) {
                exit = Optional.of(code.asInt());
                containerReason = text(member(container, "Reason"));
                break;
            }
        }
        return new TaskResult(exit, text(member(task, "StopCode")), text(member(task, "StoppedReason")).map(TaskResult::shorten),
                containerReason);
    }

    /** One line for the terminal: {@code exit code 3 (EssentialContainerExited: Essential container in task exited)}. */
    public String summary() {
        StringBuilder out = new StringBuilder(exitCode.map(c -> "exit code " + c).orElse("no exit code"));
        String why = stopCode.map(c -> c + stoppedReason.map(r -> ": " + r).orElse(""))
                .or(() -> stoppedReason).orElse("");
        if (!why.isEmpty()) {
            out.append(" (").append(why).append(')');
        }
        return out.toString();
    }

    private static JsonNode member(JsonNode node, String pascal) {
        JsonNode value = node.path(pascal);
        return value.isMissingNode() ? node.path(Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1)) : value;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.ofNullable(JSON.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
    }
}
