package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What a run must do, stated as plain Java from docs/resources.md ("How a run fails and is
 * retried"), independent of the rendered states: which class each answer is, how many RunTask
 * calls each capacity gets, and how the run ends.
 */
final class RunOracle {

    enum Capacity { ON_DEMAND, SPOT, SPOT_WITH_FALLBACK }

    record Retries(int limit, List<Integer> exitCodes, List<Integer> exceptExitCodes) {
        boolean retries(int exitCode) {
            return exitCodes.isEmpty() ? !exceptExitCodes.contains(exitCode) : exitCodes.contains(exitCode);
        }
    }

    /** @param missedDeadline the run was skipped for starting too late: it ends successfully without a RunTask call */
    record Expected(boolean succeeded, String error, String cause, Optional<Integer> exitCode, int spotCalls,
            int onDemandCalls, boolean missedDeadline) {
        Expected(boolean succeeded, String error, String cause, Optional<Integer> exitCode, int spotCalls, int onDemandCalls) {
            this(succeeded, error, cause, exitCode, spotCalls, onDemandCalls, false);
        }

        static final Expected MISSED_DEADLINE = new Expected(true, "", "", Optional.empty(), 0, 0, true);

        int attempts() {
            return spotCalls + onDemandCalls;
        }
    }

    private enum Kind { SUCCESS, START, CONFIGURATION, SPOT, EXIT, FAILED_TO_START, TIMEOUT, UNCLASSIFIED }

    private static final List<String> CONFIGURATION_CODES = List.of("AccessDeniedException", "InvalidParameterException",
            "ClientException", "ClusterNotFoundException", "PlatformUnknownException",
            "PlatformTaskDefinitionIncompatibilityException", "UnsupportedFeatureException", "BlockedException");

    private RunOracle() {}

    static Expected expect(Capacity capacity, Retries retries, Scenario scenario, int timeoutSeconds) {
        int spot = 0;
        int onDemand = 0;
        int retried = 0;
        while (true) {
            boolean onSpot = capacity != Capacity.ON_DEMAND;
            int startRetries = 0;
            while (true) {
                TaskScript answer = onSpot ? pick(scenario.onSpot, spot++) : pick(scenario.onDemand, onDemand++);
                Kind kind = kind(answer);
                if (kind == Kind.SUCCESS) {
                    return new Expected(true, "", "", Optional.empty(), spot, onDemand);
                }
                boolean fallBack = capacity == Capacity.SPOT_WITH_FALLBACK && onSpot;
                if ((kind == Kind.START || kind == Kind.SPOT) && fallBack) {
                    onSpot = false;
                    continue;
                }
                if (kind == Kind.START && startRetries < 3) {
                    startRetries++;
                    continue;
                }
                JsonNode task = task(answer);
                boolean retryable = kind == Kind.SPOT || kind == Kind.EXIT && retries.retries(task.at("/Containers/0/ExitCode").asInt());
                if (retryable && retried < retries.limit()) {
                    retried++;
                    break;
                }
                return failed(kind, answer, task, timeoutSeconds, spot, onDemand);
            }
        }
    }

    private static Expected failed(Kind kind, TaskScript answer, JsonNode task, int timeoutSeconds, int spot, int onDemand) {
        String error = answer.error().orElse("");
        String cause = answer.cause().orElse("");
        String reason = task.path("StoppedReason").asText();
        return switch (kind) {
            case START -> new Expected(false, "jobform.CouldNotStart", error + ": " + cause, Optional.empty(), spot, onDemand);
            case FAILED_TO_START -> new Expected(false, "jobform.CouldNotStart", reason, Optional.empty(), spot, onDemand);
            case CONFIGURATION -> new Expected(false, "jobform.ConfigurationError",
                    error.equals("States.TaskFailed") ? reason : error + ": " + cause, Optional.empty(), spot, onDemand);
            case SPOT -> new Expected(false, "jobform.SpotInterrupted", "Spot interruption: " + reason, Optional.empty(),
                    spot, onDemand);
            case EXIT -> {
                int code = task.at("/Containers/0/ExitCode").asInt();
                yield new Expected(false, "jobform.ContainerFailed", "exit code " + code + ": " + reason, Optional.of(code),
                        spot, onDemand);
            }
            case TIMEOUT -> new Expected(false, "jobform.Timeout", "the attempt did not finish within timeoutSeconds ("
                    + timeoutSeconds + " s)", Optional.empty(), spot, onDemand);
            case UNCLASSIFIED -> new Expected(false, "jobform.Unclassified", error + ": " + cause, Optional.empty(), spot, onDemand);
            case SUCCESS -> throw new IllegalStateException("not a failure");
        };
    }

    /**
     * "startingDeadlineSeconds" (docs/resources.md): a scheduled run that starts more than the
     * deadline plus the schedule's flexible window after its scheduled time is skipped; one at
     * the limit runs; a run without a scheduled time (a manual run) always runs.
     */
    static boolean missesDeadline(int deadlineSeconds, int jitterMinutes, Optional<Long> startedLateBySeconds) {
        return startedLateBySeconds.filter(late -> late > deadlineSeconds + jitterMinutes * 60L).isPresent();
    }

    private static TaskScript pick(List<TaskScript> answers, int index) {
        return answers.get(Math.min(index, answers.size() - 1));
    }

    private static Kind kind(TaskScript answer) {
        if (answer.error().isEmpty()) {
            return Kind.SUCCESS;
        }
        String error = answer.error().get();
        String cause = answer.cause().orElse("");
        if (error.equals("States.Timeout")) {
            return Kind.TIMEOUT;
        }
        if (cause.contains("Capacity is unavailable")
                && List.of("ECS.AmazonECSException", "AmazonECS.Unknown", "ECS.ClientException").contains(error)) {
            return Kind.START;
        }
        if (error.equals("States.Permissions") || error.startsWith("ECS.") && CONFIGURATION_CODES.contains(error.substring(4))) {
            return Kind.CONFIGURATION;
        }
        if (error.equals("ECS.AmazonECSException") && CONFIGURATION_CODES.stream().anyMatch(c -> cause.contains("Error Code: " + c + ";"))) {
            return Kind.CONFIGURATION;
        }
        if (List.of("ECS.AmazonECSException", "ECS.ServerException", "AmazonECS.Unknown").contains(error)) {
            return Kind.START;
        }
        if (!error.equals("States.TaskFailed") || !cause.startsWith("{")) {
            return Kind.UNCLASSIFIED;
        }
        JsonNode task = task(answer);
        String reason = task.path("StoppedReason").asText();
        if (task.path("StopCode").asText().equals("SpotInterruption")) {
            return Kind.SPOT;
        }
        if (reason.contains("CannotPullContainerError") || reason.contains("ResourceInitializationError")) {
            return Kind.CONFIGURATION;
        }
        if (task.at("/Containers/0/ExitCode").isNumber()) {
            return Kind.EXIT;
        }
        return task.path("StopCode").asText().equals("TaskFailedToStart") ? Kind.FAILED_TO_START : Kind.UNCLASSIFIED;
    }

    private static JsonNode task(TaskScript answer) {
        String cause = answer.cause().orElse("");
        if (!cause.startsWith("{")) {
            return TaskScript.JSON.createObjectNode();
        }
        try {
            return TaskScript.JSON.readTree(cause);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
