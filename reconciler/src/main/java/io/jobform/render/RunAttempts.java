package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.JobSpec;
import io.jobform.manifest.Retries;
import java.util.List;

/**
 * The branch of the {@code Run} Parallel state: RunTask attempts, the classification of each
 * failure, the Spot fallback and the manifest's retries as a loop. A Retry field matches error
 * names only, and Step Functions names a failed task {@code States.TaskFailed} whatever its exit
 * code or stop code ("Handling errors in Step Functions workflows"), so retries that depend on
 * the exit code or the stop code are Choice states over the task description in the Cause.
 * The branch ends in {@code GiveUp} with Error = the {@link FailureClass} and Cause = the outcome
 * as JSON, which {@link FailureReport} reads.
 */
final class RunAttempts {

    static final String START = "StartAttempt";
    private static final String CLASSIFY = "ClassifyFailure";
    private static final String READ_FAILURE = "ReadFailure";
    private static final String READ_TASK = "ReadStoppedTask";
    private static final String CLASSIFY_TASK = "ClassifyStoppedTask";
    private static final String FALLBACK = "FallBackToOnDemand";
    private static final String RETRY_OR_GIVE_UP = "RetryOrGiveUp";
    private static final String GIVE_UP = "GiveUp";
    private static final String ERROR = "$.failure.error.Error";
    private static final String CAUSE = "$.failure.error.Cause";
    private static final String TASK = "$.stopped.task";
    private static final int START_RETRY_SECONDS = 70;

    private RunAttempts() {}

    /** The Parallel state's Parameters: what the branch starts with. */
    static ObjectNode branchInput(Retries retries) {
        ObjectNode p = CanonicalJson.object();
        p.put("input.$", "$.input");
        p.putObject("attempts").put("number", 0).put("retries", 0);
        // States.JsonMerge over these gives every field the classification reads a value.
        p.putObject("defaults").put("Error", "").put("Cause", "").put("StopCode", "").put("StoppedReason", "");
        if (retries.limit() > 0) {
            ArrayNode delays = p.putArray("retryDelays");
            retries.delays().forEach(delays::add);
        }
        return p;
    }

    /** The most RunTask attempts a run can make: one per manifest retry and the first, twice with a Spot fallback. */
    static int maxAttempts(JobSpec spec) {
        return (spec.retries().limit() + 1) * (spec.capacity() == Capacity.SPOT_WITH_FALLBACK ? 2 : 1);
    }

    /**
     * The longest a run can take: every attempt at its timeout after the start-up retries'
     * longest waits (10 + 20 + 40 s), plus the manifest's retry delays; at most a year, the
     * longest a Standard execution may run (Step Functions quotas).
     */
    static long longestRunSeconds(JobSpec spec) {
        long attempts = (long) maxAttempts(spec) * (spec.timeoutSeconds() + START_RETRY_SECONDS);
        long delays = spec.retries().delays().stream().mapToLong(Integer::longValue).sum();
        return Math.min(31_536_000L - StateMachineRenderer.REPORT_SECONDS, attempts + delays);
    }

    static ObjectNode branch(ResolvedJob job, Names names, Capacity capacity, Retries retries, int timeoutSeconds) {
        boolean fallback = capacity == Capacity.SPOT_WITH_FALLBACK;
        boolean spotFirst = capacity != Capacity.ON_DEMAND;
        String firstRun = fallback ? "RunTaskOnSpot" : "RunTask";
        ObjectNode branch = CanonicalJson.object().put("StartAt", START);
        ObjectNode s = branch.putObject("States");

        s.set(START, AslStates.pass(CanonicalJson.object().put("number.$", "States.MathAdd($.attempts.number, 1)")
                .put("retries.$", "$.attempts.retries"), "$.attempts", firstRun));
        s.set(firstRun, RunTaskState.render(job, names, spotFirst, !fallback, fallback ? "OnSpotFailure" : READ_FAILURE));
        if (fallback) {
            // Any start-up error of the Spot attempt continues on on-demand, which has the start-up retries.
            s.set("OnSpotFailure", StateMachineRenderer.choice(
                    List.of(AslStates.stringIn("$.caught.Error", RunTaskState.START_ERRORS, FALLBACK)), READ_FAILURE));
            s.set(FALLBACK, AslStates.pass(CanonicalJson.object().put("number.$", "States.MathAdd($.attempts.number, 1)")
                    .put("retries.$", "$.attempts.retries"), "$.attempts", "RunTaskOnDemand"));
            s.set("RunTaskOnDemand", RunTaskState.render(job, names, false, true, READ_FAILURE));
        }
        s.set(READ_FAILURE, AslStates.pass(CanonicalJson.object()
                .put("error.$", "States.JsonMerge($.defaults, $.caught, false)"), "$.failure", CLASSIFY));

        ObjectNode isTaskJson = CanonicalJson.object();
        isTaskJson.putArray("And").add(CanonicalJson.object().put("Variable", ERROR).put("StringEquals", AslStates.TASK_FAILED))
                .add(CanonicalJson.object().put("Variable", CAUSE).put("StringMatches", "{*}"));
        isTaskJson.put("Next", READ_TASK);
        s.set(CLASSIFY, StateMachineRenderer.choice(List.of(
                AslStates.stringIn(ERROR, List.of(AslStates.TIMEOUT), "TimedOut"),
                AslStates.stringIn(ERROR, RunTaskState.CONFIGURATION_ERRORS, "ConfigurationError"),
                AslStates.stringIn(ERROR, RunTaskState.START_ERRORS, "CouldNotStart"),
                isTaskJson), "Unclassified"));
        // The Cause of a task that ran and stopped is its description as JSON (PascalCase members).
        s.set(READ_TASK, AslStates.pass(CanonicalJson.object()
                .put("task.$", "States.JsonMerge($.defaults, States.StringToJson(" + CAUSE + "), false)"), "$.stopped", CLASSIFY_TASK));

        ObjectNode cannotPull = CanonicalJson.object();
        cannotPull.putArray("Or")
                .add(CanonicalJson.object().put("Variable", TASK + ".StoppedReason").put("StringMatches", "*CannotPullContainerError*"))
                .add(CanonicalJson.object().put("Variable", TASK + ".StoppedReason").put("StringMatches", "*ResourceInitializationError*"));
        cannotPull.put("Next", "ImageOrSecretUnavailable");
        ObjectNode exited = CanonicalJson.object();
        exited.putArray("And")
                .add(CanonicalJson.object().put("Variable", TASK + ".Containers[0].ExitCode").put("IsPresent", true))
                .add(CanonicalJson.object().put("Variable", TASK + ".Containers[0].ExitCode").put("IsNumeric", true));
        exited.put("Next", "ContainerFailed");
        s.set(CLASSIFY_TASK, StateMachineRenderer.choice(List.of(
                AslStates.stringIn(TASK + ".StopCode", List.of("SpotInterruption"), fallback ? FALLBACK : "SpotInterrupted"),
                cannotPull,
                exited,
                AslStates.stringIn(TASK + ".StopCode", List.of("TaskFailedToStart"), "FailedToStart")), "StoppedWithoutExitCode"));

        String retry = retries.limit() > 0 ? RETRY_OR_GIVE_UP : GIVE_UP;
        s.set("TimedOut", outcome(FailureClass.TIMEOUT, "the attempt did not finish within timeoutSeconds (" + timeoutSeconds + " s)",
                false, false, GIVE_UP));
        s.set("ConfigurationError", outcome(FailureClass.CONFIGURATION_ERROR, "States.Format('{}: {}', " + ERROR + ", " + CAUSE + ")",
                false, false, GIVE_UP));
        s.set("CouldNotStart", outcome(FailureClass.COULD_NOT_START, "States.Format('{}: {}', " + ERROR + ", " + CAUSE + ")",
                false, false, GIVE_UP));
        s.set("Unclassified", outcome(FailureClass.UNCLASSIFIED, "States.Format('{}: {}', " + ERROR + ", " + CAUSE + ")",
                false, false, GIVE_UP));
        s.set("ImageOrSecretUnavailable", outcome(FailureClass.CONFIGURATION_ERROR, TASK + ".StoppedReason", true, false, GIVE_UP));
        s.set("FailedToStart", outcome(FailureClass.COULD_NOT_START, TASK + ".StoppedReason", true, false, GIVE_UP));
        s.set("StoppedWithoutExitCode", outcome(FailureClass.UNCLASSIFIED,
                "States.Format('task stopped ({}): {}', " + TASK + ".StopCode, " + TASK + ".StoppedReason)", true, false, GIVE_UP));
        if (!fallback) {
            s.set("SpotInterrupted", outcome(FailureClass.SPOT_INTERRUPTED,
                    "States.Format('Spot interruption: {}', " + TASK + ".StoppedReason)", true, false, retry));
        }
        boolean filtered = !retries.exitCodes().isEmpty() || !retries.exceptExitCodes().isEmpty();
        s.set("ContainerFailed", outcome(FailureClass.CONTAINER_FAILED,
                "States.Format('exit code {}: {}', " + TASK + ".Containers[0].ExitCode, " + TASK + ".StoppedReason)",
                true, true, retries.limit() > 0 && filtered ? "CheckExitCode" : retry));
        if (retries.limit() > 0) {
            if (filtered) {
                s.set("CheckExitCode", exitCodeFilter(retries));
            }
            retryLoop(s, retries);
        }
        s.set(GIVE_UP, AslStates.pass(CanonicalJson.object().put("cause.$", "States.JsonToString($.outcome)"), "$.gaveUp", "RunFailed"));
        s.set("RunFailed", CanonicalJson.object().put("Type", "Fail")
                .put("ErrorPath", "$.outcome.class").put("CausePath", "$.gaveUp.cause"));
        return branch;
    }

    /** A Pass state recording the outcome of an attempt at {@code $.outcome}. */
    private static ObjectNode outcome(FailureClass failure, String cause, boolean fromTask, boolean exitCode, String next) {
        ObjectNode p = CanonicalJson.object().put("class", failure.error());
        if (cause.startsWith("$") || cause.startsWith("States.")) {
            p.put("cause.$", cause);
        } else {
            p.put("cause", cause);
        }
        if (exitCode) {
            p.put("exitCode.$", TASK + ".Containers[0].ExitCode");
        } else {
            p.putNull("exitCode");
        }
        if (fromTask) {
            p.put("stopCode.$", TASK + ".StopCode").put("stoppedReason.$", TASK + ".StoppedReason");
        } else {
            p.put("stopCode", "").put("stoppedReason", "");
        }
        p.put("attempts.$", "$.attempts.number");
        return AslStates.pass(p, "$.outcome", next);
    }

    /** exitCodes: only the listed codes go on to a retry; exceptExitCodes: the listed ones never do. */
    private static ObjectNode exitCodeFilter(Retries retries) {
        String code = "$.outcome.exitCode";
        return retries.exitCodes().isEmpty()
                ? StateMachineRenderer.choice(List.of(AslStates.numberIn(code, retries.exceptExitCodes(), GIVE_UP)), RETRY_OR_GIVE_UP)
                : StateMachineRenderer.choice(List.of(AslStates.numberIn(code, retries.exitCodes(), RETRY_OR_GIVE_UP)), GIVE_UP);
    }

    /**
     * The manifest's retries: the n-th retry waits retryDelays[n] seconds (interval × backoffRate^n,
     * capped by maxDelaySeconds, as a Retry field would), with jitter a random 0..delay seconds.
     */
    private static void retryLoop(ObjectNode s, Retries retries) {
        ObjectNode more = CanonicalJson.object().put("Variable", "$.attempts.retries")
                .put("NumericLessThan", retries.limit()).put("Next", "ScheduleRetry");
        s.set(RETRY_OR_GIVE_UP, StateMachineRenderer.choice(List.of(more), GIVE_UP));
        String delay = "States.ArrayGetItem($.retryDelays, $.attempts.retries)";
        s.set("ScheduleRetry", AslStates.pass(CanonicalJson.object()
                .put("seconds.$", retries.jitter() ? "States.MathRandom(0, " + delay + ")" : delay), "$.retryDelay", "WaitBeforeRetry"));
        s.set("WaitBeforeRetry", CanonicalJson.object().put("Type", "Wait").put("SecondsPath", "$.retryDelay.seconds").put("Next", "CountRetry"));
        s.set("CountRetry", AslStates.pass(CanonicalJson.object().put("number.$", "$.attempts.number")
                .put("retries.$", "States.MathAdd($.attempts.retries, 1)"), "$.attempts", START));
    }
}
