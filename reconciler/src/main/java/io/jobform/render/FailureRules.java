package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Choice rules that turn what Step Functions reports for an {@code ecs:runTask.sync} state
 * into a {@link FailureClass}. Sources: "Run Amazon ECS or Fargate tasks with Step Functions"
 * (AmazonECS.Unknown for a RunTask answer with Failures); AWS knowledge center
 * "ecs-fargate-runtask-capacity" (a capacity shortage is ECS.AmazonECSException with "Capacity is
 * unavailable at this time"); the ECS API reference, RunTask "Errors" (the modelled error codes);
 * ECS developer guide "Amazon ECS stopped tasks error messages" (CannotPullContainerError,
 * ResourceInitializationError) and "Task state change events"/"Stopped task" ({@code stopCode}
 * SpotInterruption, TaskFailedToStart). An ECS error reaches Step Functions either under its own
 * name ({@code ECS.AccessDeniedException}) or as {@code ECS.AmazonECSException} with
 * "Error Code: AccessDeniedException" in the Cause (the AWS SDK for Java message of an
 * optimized integration), so both are matched.
 */
final class FailureRules {

    /** ECS API errors that a later attempt can get past: throttling, capacity, a server error, a Failures answer. */
    static final List<String> START_ERRORS = List.of(AslStates.ECS_EXCEPTION, "ECS.ServerException", AslStates.ECS_RUN_FAILURES);
    /** ECS RunTask error codes that no retry fixes. */
    static final List<String> CONFIGURATION_CODES = List.of("AccessDeniedException", "InvalidParameterException",
            "ClientException", "ClusterNotFoundException", "PlatformUnknownException",
            "PlatformTaskDefinitionIncompatibilityException", "UnsupportedFeatureException", "BlockedException");
    static final String CAPACITY = "*Capacity is unavailable*";

    private FailureRules() {}

    static List<ObjectNode> classify(String error, String cause, String startFailed, String readTask) {
        ObjectNode capacity = and(List.of(
                AslStates.stringIn(error, List.of(AslStates.ECS_EXCEPTION, AslStates.ECS_RUN_FAILURES, "ECS.ClientException"), ""),
                matches(cause, CAPACITY)), startFailed);
        List<String> named = new java.util.ArrayList<>(CONFIGURATION_CODES.stream().map(c -> "ECS." + c).toList());
        named.add("States.Permissions");
        ObjectNode codeInCause = and(List.of(
                AslStates.stringIn(error, List.of(AslStates.ECS_EXCEPTION), ""),
                or(CONFIGURATION_CODES.stream().map(c -> matches(cause, "*Error Code: " + c + ";*")).toList())),
                "ConfigurationError");
        ObjectNode taskJson = and(List.of(AslStates.stringIn(error, List.of(AslStates.TASK_FAILED), ""),
                matches(cause, "{*}")), readTask);
        return List.of(
                AslStates.stringIn(error, List.of(AslStates.TIMEOUT), "TimedOut"),
                capacity,
                AslStates.stringIn(error, named, "ConfigurationError"),
                codeInCause,
                AslStates.stringIn(error, START_ERRORS, startFailed),
                taskJson);
    }

    static List<ObjectNode> classifyStoppedTask(String task, String onInterruption) {
        ObjectNode cannotPull = or(List.of(matches(task + ".StoppedReason", "*CannotPullContainerError*"),
                matches(task + ".StoppedReason", "*ResourceInitializationError*")));
        cannotPull.put("Next", "ImageOrSecretUnavailable");
        String exitCode = task + ".Containers[0].ExitCode";
        ObjectNode exited = and(List.of(CanonicalJson.object().put("Variable", exitCode).put("IsPresent", true),
                CanonicalJson.object().put("Variable", exitCode).put("IsNumeric", true)), "ContainerFailed");
        return List.of(
                AslStates.stringIn(task + ".StopCode", List.of("SpotInterruption"), onInterruption),
                cannotPull,
                exited,
                AslStates.stringIn(task + ".StopCode", List.of("TaskFailedToStart"), "FailedToStart"));
    }

    private static ObjectNode matches(String variable, String pattern) {
        return CanonicalJson.object().put("Variable", variable).put("StringMatches", pattern);
    }

    private static ObjectNode and(List<ObjectNode> rules, String next) {
        ObjectNode rule = CanonicalJson.object();
        ArrayNode and = rule.putArray("And");
        rules.forEach(and::add);
        return rule.put("Next", next);
    }

    private static ObjectNode or(List<ObjectNode> rules) {
        if (rules.size() == 1) {
            return rules.get(0);
        }
        ObjectNode rule = CanonicalJson.object();
        ArrayNode or = rule.putArray("Or");
        rules.forEach(or::add);
        return rule;
    }
}
