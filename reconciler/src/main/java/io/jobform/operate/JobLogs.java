package io.jobform.operate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code jobform logs} and {@code run --follow}: the container output of one execution, every
 * attempt in order, from the awslogs stream {@code <prefix>/<container>/<task-id>} (prefix and
 * container are the job's name, TaskDefinitionRenderer) in the instance's log group. Following
 * polls the execution, its history (new attempts, state transitions) and the newest stream
 * every {@link #POLL} until the execution stops, then reads what is left.
 */
public final class JobLogs {
    static final Duration POLL = Duration.ofSeconds(2);

    /** What the printer receives, in order. */
    public sealed interface Entry {
        record Attempt(int number, String taskId, String stream) implements Entry {}

        record Line(int attempt, Instant timestamp, String message) implements Entry {}

        record Transition(ExecutionEvent event) implements Entry {}
    }

    @FunctionalInterface
    public interface Sink {
        void accept(Entry entry);
    }

    /**
     * @param tail        per attempt, the newest N lines
     * @param transitions also report history events (state entered, task submitted, ...)
     * @param until       when following, give up at this time (the execution goes on)
     */
    public record Options(Optional<Instant> since, Optional<Integer> tail, boolean follow, boolean transitions,
            Optional<Instant> until) {}

    private final JobOperations operations;
    private final Supplier<LogSource> source;
    private final String group;

    /** @param source built on first read: commands that print no logs need no Logs client */
    public JobLogs(JobOperations operations, Supplier<LogSource> source, String logGroup) {
        this.operations = operations;
        this.source = source;
        this.group = logGroup;
    }

    public String group() {
        return group;
    }

    public static String stream(String job, String taskArn) {
        return job + "/" + job + "/" + TaskAttempts.taskId(taskArn);
    }

    /** Prints the execution's logs; returns its last observed state. */
    public Execution print(String job, Execution execution, Options options, Sink sink, Clock clock,
            JobOperations.Sleeper sleeper) throws InterruptedException {
        Map<String, Optional<String>> positions = new HashMap<>();
        List<String> seen = new ArrayList<>();
        long lastEvent = 0;
        Execution current = execution;
        while (true) {
            boolean stopped = !current.running();
            List<ExecutionEvent> history = operations.events(job, current.arn());
            if (options.transitions()) {
                for (ExecutionEvent e : history) {
                    if (e.id() > lastEvent) {
                        sink.accept(new Entry.Transition(e));
                    }
                }
            }
            lastEvent = history.isEmpty() ? lastEvent : history.get(history.size() - 1).id();
            List<String> tasks = TaskAttempts.of(history, current);
            for (int i = 0; i < tasks.size(); i++) {
                String task = tasks.get(i);
                String stream = stream(job, task);
                if (!seen.contains(task)) {
                    seen.add(task);
                    sink.accept(new Entry.Attempt(i + 1, TaskAttempts.taskId(task), stream));
                    if (options.tail().isPresent() && !options.follow()) {
                        int attempt = i + 1;
                        source.get().tail(group, stream, options.since(), options.tail().get())
                                .forEach(l -> sink.accept(new Entry.Line(attempt, l.timestamp(), l.message())));
                        continue;
                    }
                }
                if (options.tail().isPresent() && !options.follow()) {
                    continue;
                }
                positions.put(task, drain(stream, i + 1, positions.getOrDefault(task, Optional.empty()),
                        options, sink, !positions.containsKey(task)));
            }
            if (!options.follow() || stopped || options.until().filter(clock.instant()::isAfter).isPresent()) {
                return current;
            }
            sleeper.sleep(POLL);
            current = operations.refresh(job, current.arn());
        }
    }

    /** Reads forward until a page comes back empty; on the first read of a followed stream applies --tail. */
    private Optional<String> drain(String stream, int attempt, Optional<String> position, Options options, Sink sink,
            boolean first) {
        List<LogSource.Line> lines = new ArrayList<>();
        Optional<String> at = position;
        while (true) {
            LogSource.Page page = source.get().read(group, stream, options.since(), at);
            lines.addAll(page.lines());
            boolean end = page.lines().isEmpty() || page.next().equals(at);
            at = page.next();
            if (end) {
                break;
            }
        }
        int from = first && options.tail().isPresent() ? Math.max(0, lines.size() - options.tail().get()) : 0;
        lines.subList(from, lines.size()).forEach(l -> sink.accept(new Entry.Line(attempt, l.timestamp(), l.message())));
        return at;
    }
}
