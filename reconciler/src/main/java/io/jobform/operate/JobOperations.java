package io.jobform.operate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operate use cases behind {@code get}, {@code describe}, {@code run}, {@code history} and
 * {@code rerun}: status objects say what a job is and where its state machine is, Step
 * Functions says how its runs went. Every failure names {@code ScheduledJob/<name>}.
 */
public final class JobOperations {
    public static final String KIND = "ScheduledJob";

    private final StatusSource statuses;
    private final Executions executions;
    private final String instance;
    private final LiveResources live;

    public JobOperations(StatusSource statuses, Executions executions, String instance, LiveResources live) {
        this.statuses = statuses;
        this.executions = executions;
        this.instance = instance;
        this.live = live;
    }

    /** @param live the job's resources as the services list them now */
    public record JobRow(JobStatus status, Optional<Execution> lastRun, Optional<ZonedDateTime> nextRun,
            LiveSummary live) {
        /** Observed equals desired: the last reconcile succeeded and the live resources are what it applied. */
        public boolean synced() {
            return status.valid() && status.synced() && live.differences(status).isEmpty();
        }
    }

    /**
     * One ListExecutions (maxResults 1) per deployed job: Step Functions lists executions per
     * state machine only. The live state of all jobs comes from listings ({@link LiveResources#all()}).
     */
    public List<JobRow> jobs(Instant now) {
        List<JobStatus> all = statuses.all();
        Map<String, LiveSummary> listed = all.isEmpty() ? Map.of() : live.all();
        return all.stream().map(s -> row(s, listed, now)).toList();
    }

    /** One job's row; unknown jobs are NOT_FOUND. */
    public JobRow job(String job, Instant now) {
        JobStatus s = status(job);
        return row(s, live.all(), now);
    }

    private JobRow row(JobStatus s, Map<String, LiveSummary> live, Instant now) {
        return new JobRow(s, s.stateMachineArn().flatMap(arn -> lastRun(s.name(), arn)),
                s.schedule().flatMap(sch -> sch.next(now, 1, s.lastReconciled()).stream().findFirst()),
                live.getOrDefault(s.name(), NOTHING_LIVE));
    }

    private static final LiveSummary NOTHING_LIVE = new LiveSummary(Optional.empty(), false, Optional.empty());

    /** A state machine deleted behind jobform's back shows as no runs here; describe reports it. */
    private Optional<Execution> lastRun(String job, String machineArn) {
        try {
            return guarded(job, () -> executions.list(machineArn, 1)).stream().findFirst();
        } catch (OperateException e) {
            if (e.kind() == OperateException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @param live the job's resources as they are in AWS now; {@link #synced()} compares them with the status */
    public record Description(JobStatus status, List<ZonedDateTime> nextRuns, List<Execution> runs, LiveState live) {
        /** Observed equals desired: the last reconcile succeeded and nothing changed since. */
        public boolean synced() {
            return status.synced() && live.differences(status).isEmpty();
        }
    }

    /** The status object, the next 5 fire times, and the last 5 runs described (for exit codes). */
    public Description describe(String job, Instant now) {
        JobStatus status = status(job);
        List<Execution> runs = status.stateMachineArn()
                .map(arn -> guarded(job, () -> executions.list(arn, 5)).stream()
                        .map(e -> guarded(job, () -> executions.describe(e.arn()))).toList())
                .orElse(List.of());
        List<ZonedDateTime> next = status.schedule().map(s -> s.next(now, 5, status.lastReconciled())).orElse(List.of());
        return new Description(status, next, runs, guarded(job, () -> live.of(job)));
    }

    public record Started(String job, String executionArn, String name, String input) {}

    /** Starts {@code manual-<timestamp>} with the deployed manifest input merged with the given values. */
    public Started run(String job, Optional<String> inputFile, List<String> pairs, Instant now) {
        String machine = deployedMachine(job);
        String definition = guarded(job, () -> executions.definition(machine)).orElseThrow(() -> notDeployed(job,
                "StateMachine " + machine + " does not exist"));
        String input;
        try {
            var merged = RunInput.merge(RunInput.manifestInput(definition), inputFile, pairs);
            // Checked before StartExecution: an input too large for RunTask fails every attempt.
            io.jobform.render.RunTaskOverrides.problem(job, merged).ifPresent(problem -> {
                throw new IllegalArgumentException("--input: " + problem);
            });
            input = RunInput.stateInput(merged);
        } catch (IllegalArgumentException e) {
            throw new OperateException(OperateException.Kind.INVALID, e.getMessage()).about(subject(job));
        }
        String name = ExecutionNames.manual(now);
        String arn = guarded(job, () -> executions.start(machine, name, input));
        return new Started(job, arn, name, input);
    }

    /** Sleeps between polls: Thread::sleep in the CLI. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * Polls DescribeExecution until the execution stops or {@code timeout} passes, waiting 1 s,
     * then 1.5 times longer each poll up to 10 s (DescribeExecution refills 15 calls per second
     * per account, so many waiting pipelines stay clear of throttling). Returns the last state seen.
     */
    public Execution await(String executionArn, Optional<Duration> timeout, Clock clock, Sleeper sleeper)
            throws InterruptedException {
        Instant deadline = timeout.map(t -> clock.instant().plus(t)).orElse(Instant.MAX);
        Duration wait = Duration.ofSeconds(1);
        Execution current = executions.describe(executionArn);
        while (current.running() && clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            sleeper.sleep(left.compareTo(wait) < 0 ? left : wait);
            wait = min(Duration.ofMillis(wait.toMillis() * 3 / 2), Duration.ofSeconds(10));
            current = executions.describe(executionArn);
        }
        return current;
    }

    /** The newest {@code limit} executions, each described (input tells schedule from manual, cause the exit code). */
    public List<Execution> history(String job, int limit) {
        String machine = deployedMachine(job);
        return guarded(job, () -> executions.list(machine, limit)).stream()
                .map(e -> guarded(job, () -> executions.describe(e.arn()))).toList();
    }

    public record Rerun(String job, boolean redriven, String executionArn, String reason) {}

    /**
     * Redrives the execution when Step Functions reports it REDRIVABLE (a FAILED, TIMED_OUT or
     * ABORTED Standard execution stopped within the last 14 days, API_RedriveExecution);
     * otherwise, or with {@code forceNew}, starts {@code manual-<timestamp>} with its input.
     */
    public Rerun rerun(String executionArn, boolean forceNew, Instant now) {
        String machine;
        try {
            machine = ExecutionNames.stateMachineArn(executionArn);
        } catch (IllegalArgumentException e) {
            throw new OperateException(OperateException.Kind.INVALID, e.getMessage());
        }
        return rerun(jobOf(machine), machine, executionArn, forceNew, now);
    }

    /** As {@link #rerun(String, boolean, Instant)} for an execution of {@code job} named as history prints it. */
    public Rerun rerun(String job, String executionRef, boolean forceNew, Instant now) {
        String machine = deployedMachine(job);
        return rerun(job, machine, executionArn(job, machine, executionRef), forceNew, now);
    }

    private Rerun rerun(String job, String machine, String executionArn, boolean forceNew, Instant now) {
        Execution original = guarded(job, () -> executions.describe(executionArn));
        if (original.running()) {
            throw new OperateException(OperateException.Kind.FAILED, "execution " + original.name() + " is "
                    + original.status() + "; wait for it or stop it first").about(subject(job));
        }
        boolean redrivable = original.redriveStatus().filter("REDRIVABLE"::equals).isPresent();
        if (!forceNew && redrivable) {
            guarded(job, () -> executions.redrive(executionArn));
            return new Rerun(job, true, executionArn, "redriven from the failed state with the same input");
        }
        String input = RunInput.rerunInput(original.input().orElse("{}"));
        String name = ExecutionNames.manual(now);
        String arn = guarded(job, () -> executions.start(machine, name, input));
        String why = forceNew ? "--new: a new execution with the same input"
                : "not redrivable (" + original.redriveStatusReason().orElse(original.status())
                        + "): a new execution with the same input";
        return new Rerun(job, false, arn, why);
    }

    /** The named execution of the job (name or ARN), or its newest one; described. */
    public Execution execution(String job, Optional<String> executionRef) {
        String machine = deployedMachine(job);
        String arn = executionRef.map(ref -> executionArn(job, machine, ref)).orElseGet(() -> guarded(job,
                () -> executions.list(machine, 1)).stream().findFirst().map(Execution::arn).orElseThrow(() ->
                        new OperateException(OperateException.Kind.NOT_FOUND, "no runs yet").about(subject(job))));
        return guarded(job, () -> executions.describe(arn));
    }

    /** GetExecutionHistory of one of the job's executions. */
    public List<ExecutionEvent> events(String job, String executionArn) {
        return guarded(job, () -> executions.events(executionArn));
    }

    /** Re-reads an execution's state. */
    public Execution refresh(String job, String executionArn) {
        return guarded(job, () -> executions.describe(executionArn));
    }

    public record Stopped(String job, String executionArn, Instant stopDate) {}

    /**
     * StopExecution with a cause. Without a reference, the job's one running execution; several
     * running (concurrencyPolicy Allow) must be named, none is an error: nothing is stopped by guess.
     */
    public Stopped stop(String job, Optional<String> executionRef, String cause) {
        String machine = deployedMachine(job);
        String arn;
        if (executionRef.isPresent()) {
            arn = executionArn(job, machine, executionRef.get());
        } else {
            List<Execution> running = guarded(job, () -> executions.list(machine, 10, "RUNNING"));
            if (running.isEmpty()) {
                throw new OperateException(OperateException.Kind.FAILED, "no running execution to stop")
                        .about(subject(job));
            }
            if (running.size() > 1) {
                throw new OperateException(OperateException.Kind.INVALID, running.size() + " executions are running ("
                        + String.join(", ", running.stream().map(Execution::name).toList())
                        + "); name the one to stop").about(subject(job));
            }
            arn = running.get(0).arn();
        }
        Execution current = guarded(job, () -> executions.describe(arn));
        if (!current.running()) {
            throw new OperateException(OperateException.Kind.FAILED, "execution " + current.name() + " is "
                    + current.status() + ", not running").about(subject(job));
        }
        Instant stopped = guarded(job, () -> executions.stop(arn, "jobform.Stopped", cause));
        return new Stopped(job, arn, stopped);
    }

    private static String executionArn(String job, String machine, String ref) {
        try {
            return ExecutionRef.resolve(machine, ref);
        } catch (IllegalArgumentException e) {
            throw new OperateException(OperateException.Kind.INVALID, e.getMessage()).about(subject(job));
        }
    }

    private JobStatus status(String job) {
        return guarded(job, () -> statuses.job(job)).orElseThrow(() -> new OperateException(
                OperateException.Kind.NOT_FOUND, "unknown job: no status object in " + statuses.location()
                        + " (not applied yet, or another --instance or --bucket?)").about(subject(job)));
    }

    private String deployedMachine(String job) {
        JobStatus status = status(job);
        return status.stateMachineArn().orElseThrow(() -> notDeployed(job, status.errors().isEmpty()
                ? "no state machine recorded in its status" : status.errors().get(0)));
    }

    private static OperateException notDeployed(String job, String why) {
        return new OperateException(OperateException.Kind.NOT_FOUND, "not deployed: " + why).about(subject(job));
    }

    /** The job of a state machine {@code <instance>-<job>}. */
    private String jobOf(String machineArn) {
        String machine = machineArn.substring(machineArn.lastIndexOf(':') + 1);
        String prefix = instance + "-";
        if (!machine.startsWith(prefix)) {
            throw new OperateException(OperateException.Kind.INVALID, "StateMachine/" + machine
                    + " is not a job of instance " + instance);
        }
        return machine.substring(prefix.length());
    }

    public static String subject(String job) {
        return KIND + "/" + job;
    }

    private static <T> T guarded(String job, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OperateException e) {
            throw e.getMessage().startsWith(KIND + "/") ? e : e.about(subject(job));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
