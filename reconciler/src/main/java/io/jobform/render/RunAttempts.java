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
 * A failed run ends the branch in {@code GiveUp} with the outcome at {@code $.gaveUp.outcome}, which
 * {@link FailureReport} reads.
 */
final class RunAttempts {

    static final String START = "StartAttempt";
    private static final String CLASSIFY = "ClassifyFailure";
    private static final String READ_FAILURE = "ReadFailure";
    private static final String READ_TASK = "ReadStoppedTask";
    private static final String CLASSIFY_TASK = "ClassifyStoppedTask";
    static final String FALLBACK = "FallBackToOnDemand";
    private static final String RETRY_OR_GIVE_UP = "RetryOrGiveUp";
    private static final String GIVE_UP = "GiveUp";
    private static final String START_FAILED = "StartFailed";
    /** Waits before the start-up retries (ECS RunTask throttling and capacity: "wait before you retry"). */
    static final List<Integer> START_RETRY_DELAYS = List.of(10, 20, 40);
    private static final String ERROR = "$.failure.error.Error";
    private static final String CAUSE = "$.failure.error.Cause";
    private static final String TASK = "$.stopped.task";

    private RunAttempts() {}

    /** The Parallel state's Parameters: what the branch starts with. */
    static ObjectNode branchInput(Retries retries) {
        ObjectNode p = CanonicalJson.object();
        p.put("input.$", "$.input");
        p.putObject("attempts").put("number", 0).put("retries", 0).put("startRetries", 0).put("onSpot", false);
        ArrayNode startDelays = p.putArray("startRetryDelays");
        START_RETRY_DELAYS.forEach(startDelays::add);
        // States.JsonMerge over these gives every field the classification reads a value.
        p.putObject("defaults").put("Error", "").put("Cause", "").put("StopCode", "").put("StoppedReason", "");
        if (retries.limit() > 0) {
            ArrayNode delays = p.putArray("retryDelays");
            retries.delays().forEach(delays::add);
        }
        return p;
    }

    /**
     * The longest a run can take: per manifest attempt the start-up retries' waits and one task
     * at its timeout (two with a Spot fallback: the Spot task may be interrupted late), plus the
     * manifest's retry delays; at most a year, the longest a Standard execution may run (Step
     * Functions quotas).
     */
    static long longestRunSeconds(JobSpec spec) {
        int tasks = spec.capacity() == Capacity.SPOT_WITH_FALLBACK ? 2 : 1;
        long startWaits = START_RETRY_DELAYS.stream().mapToLong(Integer::longValue).sum();
        long perAttempt = (long) tasks * spec.timeoutSeconds() + startWaits;
        long delays = spec.retries().delays().stream().mapToLong(Integer::longValue).sum();
        return Math.min(31_536_000L - StateMachineRenderer.REPORT_SECONDS, (spec.retries().limit() + 1) * perAttempt + delays);
    }

    static ObjectNode branch(ResolvedJob job, Names names, Capacity capacity, Retries retries, int timeoutSeconds) {
        boolean fallback = capacity == Capacity.SPOT_WITH_FALLBACK;
        boolean spotFirst = capacity != Capacity.ON_DEMAND;
        String firstRun = fallback ? "RunTaskOnSpot" : "RunTask";
        String retriedRun = fallback ? "RunTaskOnDemand" : "RunTask";
        ObjectNode branch = CanonicalJson.object().put("StartAt", START);
        ObjectNode s = branch.putObject("States");

        s.set(START, attempts("States.MathAdd($.attempts.number, 1)", "$.attempts.retries", "0", fallback, firstRun));
        s.set(firstRun, RunTaskState.render(job, names, spotFirst, READ_FAILURE));
        if (fallback) {
            s.set(FALLBACK, attempts("States.MathAdd($.attempts.number, 1)", "$.attempts.retries", "0", false, "RunTaskOnDemand"));
            s.set("RunTaskOnDemand", RunTaskState.render(job, names, false, READ_FAILURE));
        }
        s.set(READ_FAILURE, AslStates.pass(CanonicalJson.object()
                .put("error.$", "States.JsonMerge($.defaults, $.caught, false)"), "$.failure", CLASSIFY));
        s.set(CLASSIFY, StateMachineRenderer.choice(FailureRules.classify(ERROR, CAUSE, START_FAILED, READ_TASK), "Unclassified"));
        // The Cause of a task that ran and stopped is its description as JSON (PascalCase members).
        s.set(READ_TASK, AslStates.pass(CanonicalJson.object()
                .put("task.$", "States.JsonMerge($.defaults, States.StringToJson(" + CAUSE + "), false)"), "$.stopped", CLASSIFY_TASK));
        s.set(CLASSIFY_TASK, StateMachineRenderer.choice(
                FailureRules.classifyStoppedTask(TASK, fallback ? "OnSpotInterruption" : "SpotInterrupted"), "StoppedWithoutExitCode"));
        if (fallback) {
            // Only a Spot task is interrupted; the interruption moves the run to on-demand.
            s.set("OnSpotInterruption", StateMachineRenderer.choice(List.of(CanonicalJson.object()
                    .put("Variable", "$.attempts.onSpot").put("BooleanEquals", true).put("Next", FALLBACK)), "SpotInterrupted"));
        }

        // Start-up errors: Spot with a fallback moves on to on-demand; otherwise a bounded backoff.
        ObjectNode onSpot = CanonicalJson.object().put("Variable", "$.attempts.onSpot").put("BooleanEquals", true)
                .put("Next", FALLBACK);
        ObjectNode moreStarts = CanonicalJson.object().put("Variable", "$.attempts.startRetries")
                .put("NumericLessThan", START_RETRY_DELAYS.size()).put("Next", "ScheduleStartRetry");
        s.set(START_FAILED, StateMachineRenderer.choice(fallback ? List.of(onSpot, moreStarts) : List.of(moreStarts), "CouldNotStart"));
        s.set("WaitBeforeStartRetry", CanonicalJson.object().put("Type", "Wait")
                .put("SecondsPath", "$.startRetryDelay.seconds").put("Next", "CountStartRetry"));
        // The delay is read before the Wait: SecondsPath takes a path, not an intrinsic function.
        s.set("ScheduleStartRetry", AslStates.pass(CanonicalJson.object()
                .put("seconds.$", "States.ArrayGetItem($.startRetryDelays, $.attempts.startRetries)"), "$.startRetryDelay",
                "WaitBeforeStartRetry"));
        s.set("CountStartRetry", attempts("States.MathAdd($.attempts.number, 1)", "$.attempts.retries",
                "States.MathAdd($.attempts.startRetries, 1)", false, retriedRun));

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
        s.set("SpotInterrupted", outcome(FailureClass.SPOT_INTERRUPTED,
                "States.Format('Spot interruption: {}', " + TASK + ".StoppedReason)", true, false, retry));
        boolean filtered = !retries.exitCodes().isEmpty() || !retries.exceptExitCodes().isEmpty();
        s.set("ContainerFailed", outcome(FailureClass.CONTAINER_FAILED,
                "States.Format('exit code {}: {}', " + TASK + ".Containers[0].ExitCode, " + TASK + ".StoppedReason)",
                true, true, retries.limit() > 0 && filtered ? "CheckExitCode" : retry));
        if (retries.limit() > 0) {
            if (filtered) {
                s.set("CheckExitCode", exitCodeFilter(retries));
            }
            retryLoop(s, retries, fallback);
        }
        // The branch ends without failing: a Fail state would carry the outcome only as a Cause
        // string, and the states after Run read it as data instead. $.gaveUp exists only here:
        // $.outcome alone could be left over from an attempt that a retry then got past.
        ObjectNode giveUp = CanonicalJson.object().put("Type", "Pass");
        giveUp.putObject("Parameters").put("outcome.$", "$.outcome");
        s.set(GIVE_UP, giveUp.put("ResultPath", "$.gaveUp").put("End", true));
        return branch;
    }

    /** A Pass state that sets the counters: RunTask calls, manifest retries, start-up retries, and whether on Spot. */
    private static ObjectNode attempts(String number, String retries, String startRetries, boolean onSpot, String next) {
        ObjectNode p = CanonicalJson.object();
        put(p, "number", number);
        put(p, "retries", retries);
        put(p, "startRetries", startRetries);
        p.put("onSpot", onSpot);
        return AslStates.pass(p, "$.attempts", next);
    }

    private static void put(ObjectNode p, String field, String value) {
        if (value.startsWith("$") || value.startsWith("States.")) {
            p.put(field + ".$", value);
        } else {
            p.put(field, Integer.parseInt(value));
        }
    }

    /** A Pass state recording the outcome of an attempt at {@code $.outcome}. */
    private static ObjectNode outcome(FailureClass failure, String cause, boolean fromTask, boolean exitCode, String next) {
        ObjectNode p = CanonicalJson.object().put("class", failure.error());
        boolean computed = cause.startsWith("$") || cause.startsWith("States.");
        if (computed) {
            p.put("cause.$", cause);
        } else {
            p.put("cause", cause);
        }
        // The Fail state's Cause: the cause with the number of RunTask calls.
        p.put("message.$", "States.Format('{} (attempts: {})', " + (computed ? cause : "'" + cause + "'") + ", $.attempts.number)");
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
    private static void retryLoop(ObjectNode s, Retries retries, boolean fallback) {
        ObjectNode more = CanonicalJson.object().put("Variable", "$.attempts.retries")
                .put("NumericLessThan", retries.limit()).put("Next", "ScheduleRetry");
        s.set(RETRY_OR_GIVE_UP, StateMachineRenderer.choice(List.of(more), GIVE_UP));
        String delay = "States.ArrayGetItem($.retryDelays, $.attempts.retries)";
        s.set("ScheduleRetry", AslStates.pass(CanonicalJson.object()
                .put("seconds.$", retries.jitter() ? "States.MathRandom(0, " + delay + ")" : delay), "$.retryDelay", "WaitBeforeRetry"));
        s.set("WaitBeforeRetry", CanonicalJson.object().put("Type", "Wait").put("SecondsPath", "$.retryDelay.seconds").put("Next", "CountRetry"));
        s.set("CountRetry", attempts("$.attempts.number", "States.MathAdd($.attempts.retries, 1)", "0", fallback, START));
    }
}
