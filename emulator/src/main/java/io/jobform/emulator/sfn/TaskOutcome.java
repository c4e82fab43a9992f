package io.jobform.emulator.sfn;

import java.time.Duration;
import java.util.List;

/**
 * How a simulated ECS task started by {@code ecs:runTask.sync} ends. Spot outcomes apply only
 * to a RunTask on the FARGATE_SPOT capacity provider; a run on FARGATE then gets the default.
 */
public sealed interface TaskOutcome {
    /** Time from RunTask to RUNNING (PROVISIONING and PENDING). */
    Duration PROVISIONING = Duration.ofSeconds(2);
    /** The default: exit 0 after a short run. */
    TaskOutcome DEFAULT = new Exit(0, Duration.ofSeconds(3));

    /**
     * The essential container exits with this code after running this long. {@code lines} are
     * its output, written to each awslogs stream of the task when it starts; without them the
     * emulator writes what it would have run and the exit code.
     */
    record Exit(int exitCode, Duration runTime, List<String> lines) implements TaskOutcome {
        public Exit {
            lines = List.copyOf(lines);
        }

        public Exit(int exitCode, Duration runTime) {
            this(exitCode, runTime, List.of());
        }
    }

    /** RunTask on Fargate Spot fails: no Spot capacity (ECS.AmazonECSException). */
    record NoSpotCapacity() implements TaskOutcome {}

    /** Fargate Spot reclaims the task after it ran this long (stopCode SpotInterruption). */
    record SpotInterruption(Duration after) implements TaskOutcome {}

    /** RunTask answers 200 with a non-empty Failures list (AmazonECS.Unknown). */
    record RunFailure(String reason) implements TaskOutcome {}

    /** RunTask itself fails with this ECS error code and message, e.g. AccessDeniedException. */
    record ApiError(String errorCode, String message) implements TaskOutcome {}

    /** The task keeps running until the state or the execution times out, or it is stopped. */
    record StaysRunning() implements TaskOutcome {}

    /**
     * Parses the text form used by the HTTP hook and the CLI: {@code exit=3}, {@code exit=3,run=60s},
     * {@code spot-capacity}, {@code spot-interruption}, {@code run-failure}, {@code access-denied},
     * {@code api-error=Code}, {@code stays-running}, {@code success}.
     */
    public static TaskOutcome parse(String text) {
        String[] parts = text.strip().split(",");
        Duration run = TaskOutcome.DEFAULT instanceof Exit e ? e.runTime() : Duration.ZERO;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!p.startsWith("run=")) {
                throw new IllegalArgumentException("unknown outcome option '" + p + "'");
            }
            run = seconds(p.substring(4));
        }
        String head = parts[0].strip();
        if (head.startsWith("exit=")) {
            try {
                return new Exit(Integer.parseInt(head.substring(5)), run);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("exit= needs a number: '" + head + "'");
            }
        }
        if (head.startsWith("api-error=")) {
            return new ApiError(head.substring(10), "RunTask failed with " + head.substring(10));
        }
        return switch (head) {
            case "success" -> new Exit(0, run);
            case "spot-capacity" -> new NoSpotCapacity();
            case "spot-interruption" -> new SpotInterruption(run);
            case "run-failure" -> new RunFailure("RESOURCE:MEMORY");
            case "access-denied" -> new ApiError("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/"
                    + "states-role/session is not authorized to perform: ecs:RunTask on resource: task-definition");
            case "stays-running" -> new StaysRunning();
            default -> throw new IllegalArgumentException("unknown outcome '" + text + "': use success, exit=N[,run=Ns], "
                    + "spot-capacity, spot-interruption[,run=Ns], run-failure, access-denied, api-error=Code or stays-running");
        };
    }

    private static Duration seconds(String text) {
        String t = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        try {
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("run= needs seconds, e.g. run=30s: '" + text + "'");
        }
    }
}
