package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two attempts of one run, read from an in-memory log source through JobLogs. */
class JobLogsTest {
    static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-sweep";
    static final String T1 = "arn:aws:ecs:eu-west-1:123456789012:task/jobs/aaa";
    static final String T2 = "arn:aws:ecs:eu-west-1:123456789012:task/jobs/bbb";

    /** Streams of lines; a page is at most two lines, the token is the index read so far. */
    record PagedLogs(Map<String, List<String>> streams) implements LogSource {
        @Override
        public Page read(String group, String stream, Optional<Instant> since, Optional<String> after) {
            List<String> all = streams.getOrDefault(stream, List.of());
            int from = after.map(Integer::parseInt).orElse(0);
            int to = Math.min(all.size(), from + 2);
            return new Page(all.subList(from, to).stream().map(m -> new Line(Instant.EPOCH, m)).toList(),
                    Optional.of(String.valueOf(to)));
        }

        @Override
        public List<Line> tail(String group, String stream, Optional<Instant> since, int count) {
            List<String> all = streams.getOrDefault(stream, List.of());
            return all.subList(Math.max(0, all.size() - count), all.size()).stream()
                    .map(m -> new Line(Instant.EPOCH, m)).toList();
        }
    }

    static final class OneRun implements Executions {
        final Execution run = new Execution(MACHINE.replace("stateMachine", "execution") + ":r1", "r1", "FAILED",
                Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of("{}"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty());

        @Override public Optional<String> definition(String arn) { return Optional.empty(); }
        @Override public String start(String arn, String name, String input) { throw new AssertionError(); }
        @Override public Execution describe(String arn) { return run; }
        @Override public List<Execution> list(String arn, int limit) { return List.of(run); }
        @Override public List<Execution> list(String arn, int limit, String status) { return List.of(); }
        @Override public Instant redrive(String arn) { throw new AssertionError(); }
        @Override public Instant stop(String arn, String error, String cause) { throw new AssertionError(); }

        @Override
        public List<ExecutionEvent> events(String arn) {
            return List.of(new ExecutionEvent(3, Instant.EPOCH, "TaskSubmitted", Optional.empty(),
                            Optional.of("{\"Tasks\":[{\"TaskArn\":\"" + T1 + "\"}]}")),
                    new ExecutionEvent(6, Instant.EPOCH, "TaskSubmitted", Optional.empty(),
                            Optional.of("{\"Tasks\":[{\"TaskArn\":\"" + T2 + "\"}]}")));
        }
    }

    static final class Statuses implements StatusSource {
        @Override
        public List<JobStatus> all() {
            return List.of(job().orElseThrow());
        }

        @Override
        public Optional<JobStatus> job(String name) {
            return name.equals("sweep") ? job() : Optional.empty();
        }

        private Optional<JobStatus> job() {
            return Optional.of(new JobStatus("sweep", "sweep.yaml", true, List.of(), true,
                    List.of(new JobStatus.Resource("StateMachine/jobform-sweep", MACHINE, "")), Optional.empty(),
                    Optional.empty()));
        }

        @Override
        public String location() {
            return "s3://b/_jobform/status/";
        }
    }

    List<String> print(Optional<Integer> tail) throws InterruptedException {
        JobOperations ops = new JobOperations(new Statuses(), new OneRun(), "jobform",
                new LiveResources() {
                    @Override
                    public LiveState of(String job) {
                        return new LiveState(Optional.empty(), Optional.empty());
                    }

                    @Override
                    public Map<String, LiveSummary> all() {
                        return Map.of();
                    }
                });
        PagedLogs source = new PagedLogs(Map.of("sweep/sweep/aaa", List.of("a1", "a2", "a3"),
                "sweep/sweep/bbb", List.of("b1", "b2", "b3", "b4", "b5")));
        List<String> printed = new ArrayList<>();
        new JobLogs(ops, () -> source, "/jobform/jobform").print("sweep", ops.execution("sweep", Optional.empty()),
                new JobLogs.Options(Optional.empty(), tail, false, false, Optional.empty()), e -> printed.add(
                        e instanceof JobLogs.Entry.Attempt a ? "== " + a.number() + " " + a.taskId()
                                : ((JobLogs.Entry.Line) e).attempt() + ":" + ((JobLogs.Entry.Line) e).message()),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), d -> { throw new AssertionError("no sleep without follow"); });
        return printed;
    }

    @Test
    void everyAttemptIsReadToItsEndAcrossPagesUnderItsOwnHeader() throws InterruptedException {
        assertThat(print(Optional.empty())).containsExactly("== 1 aaa", "1:a1", "1:a2", "1:a3",
                "== 2 bbb", "2:b1", "2:b2", "2:b3", "2:b4", "2:b5");
    }

    @Test
    void tailKeepsTheLastLinesOfEachAttempt() throws InterruptedException {
        assertThat(print(Optional.of(2))).containsExactly("== 1 aaa", "1:a2", "1:a3", "== 2 bbb", "2:b4", "2:b5");
    }
}
