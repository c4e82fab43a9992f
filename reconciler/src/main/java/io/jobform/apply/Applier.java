package io.jobform.apply;

import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Applies a plan. The instance's shared resources go first, in plan order; then every job's
 * steps run in plan order on one of a few workers, jobs in parallel. A job's steps are
 * sequential, so a task definition family never sees two RegisterTaskDefinition calls at
 * once. A failure stops the rest of that job only. Near the deadline no new step starts.
 */
public final class Applier {
    /** How a failed change starts its progress line: {@code <prefix>Kind/name: reason}. */
    public static final String FAILED = "  failed  ";

    private final ChangeExecutor executor;
    private final int workers;
    private final Clock clock;
    private final Optional<Instant> deadline;
    private final Consumer<String> progress;

    /**
     * @param deadline the time by which every started step should be done; no step starts
     *                 after {@code deadline} minus {@code margin}
     */
    public Applier(ChangeExecutor executor, int workers, Clock clock, Optional<Instant> deadline, Duration margin,
            Consumer<String> progress) {
        this.executor = executor;
        this.workers = Math.max(1, workers);
        this.clock = clock;
        this.deadline = deadline.map(d -> d.minus(margin));
        this.progress = progress;
    }

    public ApplyReport apply(Plan plan) {
        Map<String, List<Change>> byJob = new LinkedHashMap<>();
        List<Change> shared = new ArrayList<>();
        for (Change change : plan.mutating()) {
            change.job().ifPresentOrElse(j -> byJob.computeIfAbsent(j, k -> new ArrayList<>()).add(change),
                    () -> shared.add(change));
        }
        Collector collector = new Collector();
        run(shared, collector);
        if (!collector.failures.isEmpty()) {
            // The jobs need the shared roles and group: without them every job would fail the same way.
            byJob.values().forEach(collector.notRun::addAll);
            return collector.report();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jobform-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            byJob.values().forEach(steps -> running.add(pool.submit(() -> run(steps, collector))));
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an apply worker failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return collector.report();
    }

    private void run(List<Change> steps, Collector collector) {
        for (int i = 0; i < steps.size(); i++) {
            Change step = steps.get(i);
            if (deadline.isPresent() && !clock.instant().isBefore(deadline.get())) {
                collector.deferred.addAll(steps.subList(i, steps.size()));
                return;
            }
            StepOutcome outcome;
            try {
                outcome = executor.execute(step);
            } catch (RuntimeException e) {
                outcome = new StepOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (outcome instanceof StepOutcome.Failed failed) {
                progress.accept(FAILED + step.id() + ": " + failed.reason());
                collector.failures.add(new ChangeFailure(step.id(), failed.reason()));
                collector.notRun.addAll(steps.subList(i + 1, steps.size()));
                return;
            }
            progress.accept("  " + pastTense(step.action()) + " " + step.id());
            collector.applied.add(new AppliedChange(step, (StepOutcome.Done) outcome));
        }
    }

    private static String pastTense(Change.Action action) {
        return switch (action) {
            case CREATE -> "created ";
            case UPDATE -> "updated ";
            case DELETE -> "deleted ";
            case ORPHAN -> "orphaned";
            case RETIRE_REVISIONS -> "retired ";
            case KEEP, SKIP -> "kept    ";
        };
    }

    private static final class Collector {
        final List<AppliedChange> applied = Collections.synchronizedList(new ArrayList<>());
        final List<ChangeFailure> failures = Collections.synchronizedList(new ArrayList<>());
        final List<Change> notRun = Collections.synchronizedList(new ArrayList<>());
        final List<Change> deferred = Collections.synchronizedList(new ArrayList<>());

        ApplyReport report() {
            return new ApplyReport(applied, failures, notRun, deferred);
        }
    }
}
