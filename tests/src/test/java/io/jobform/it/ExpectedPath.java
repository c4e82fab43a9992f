package io.jobform.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jobform.manifest.ScheduledJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level states a job's run passes, as docs/resources.md ("State machine") lists them:
 * CheckInput, CheckStartingDeadline with a starting deadline, the concurrency gate of the
 * policy, Run, CheckRun, then RunSucceeded or the report (ReadOutcome, BuildNotification,
 * NotifyFailure with a notification topic) and Failed.
 */
final class ExpectedPath {
    private ExpectedPath() {}

    static List<String> succeeded(ScheduledJob job) {
        List<String> path = untilRun(job);
        path.addAll(List.of("CheckRun", "RunSucceeded"));
        return path;
    }

    static List<String> failed(ScheduledJob job) {
        List<String> path = untilRun(job);
        path.addAll(List.of("CheckRun", "ReadOutcome", "BuildNotification"));
        if (job.spec().notifications().onFailure().isPresent()) {
            path.add("NotifyFailure");
        }
        path.add("Failed");
        return path;
    }

    private static List<String> untilRun(ScheduledJob job) {
        List<String> path = new ArrayList<>(List.of("CheckInput"));
        if (job.spec().startingDeadlineSeconds().isPresent()) {
            path.add("CheckStartingDeadline");
        }
        switch (job.spec().concurrencyPolicy()) {
            case FORBID -> path.addAll(List.of("ListRunningExecutions", "CheckConcurrency"));
            case REPLACE -> path.addAll(List.of("ListRunningExecutions", "StopOtherExecutions", "CheckMoreExecutions"));
            case ALLOW -> { }
        }
        path.add("Run");
        return path;
    }

    /** What the container would run, as the emulator's log line names it: entry point, then command, as JSON. */
    static String command(ScheduledJob job) {
        var container = job.spec().container();
        try {
            String entryPoint = container.entryPoint().isEmpty() ? ""
                    : ExampleRun.JSON.writeValueAsString(container.entryPoint()) + " ";
            if (container.command().isEmpty()) {
                return entryPoint.isEmpty() ? "the image's default command" : entryPoint.strip();
            }
            return entryPoint + ExampleRun.JSON.writeValueAsString(container.command());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
