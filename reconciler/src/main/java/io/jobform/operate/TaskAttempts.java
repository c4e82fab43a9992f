package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ECS tasks an execution started, one per attempt, oldest first. Step Functions records
 * each {@code ecs:runTask.sync} attempt as a TaskSubmitted event whose output is the RunTask
 * response ({@code Tasks[].TaskArn}; API_TaskSubmittedEventDetails, "Run Amazon ECS or Fargate
 * tasks with Step Functions"). When the history has none (an execution completed outside the
 * state machine), the task description the state machine leaves in its output ({@code $.task})
 * or failure cause still names the last task.
 */
public final class TaskAttempts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskAttempts() {}

    public static List<String> of(List<ExecutionEvent> history, Execution execution) {
        Set<String> arns = new LinkedHashSet<>();
        for (ExecutionEvent e : history) {
            if (e.type().equals("TaskSubmitted") || e.type().equals("TaskSucceeded") || e.type().equals("TaskFailed")) {
                e.detail().flatMap(TaskAttempts::json).ifPresent(d -> taskArns(d, arns));
            }
        }
        if (arns.isEmpty()) {
            execution.output().flatMap(TaskAttempts::json).map(o -> o.path("task")).ifPresent(t -> taskArns(t, arns));
            execution.cause().flatMap(TaskAttempts::json).ifPresent(c -> taskArns(c, arns));
        }
        return List.copyOf(new ArrayList<>(arns));
    }

    /** The task id is the last segment of arn:aws:ecs:region:account:task/cluster/id. */
    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    private static void taskArns(JsonNode node, Set<String> into) {
        JsonNode tasks = member(node, "Tasks");
        if (tasks.isArray()) {
            tasks.forEach(t -> taskArns(t, into));
            return;
        }
        JsonNode arn = member(node, "TaskArn");
        if (arn.isTextual() && arn.asText().contains(":task/")) {
            into.add(arn.asText());
        }
    }

    private static JsonNode member(JsonNode node, String pascal) {
        JsonNode value = node.path(pascal);
        return value.isMissingNode() ? node.path(Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1)) : value;
    }

    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.ofNullable(JSON.readTree(text)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
