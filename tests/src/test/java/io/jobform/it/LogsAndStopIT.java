package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.emulator.sfn.ExecutionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * logs, stop, rerun by name, rerun --wait, run --follow and get jobs NAME through the CLI
 * against the emulator. The container's lines are written with the real CloudWatch Logs client
 * into the stream the awslogs driver would use: /jobform/jobform, nightly-report/nightly-report/TASK.
 */
class LogsAndStopIT extends InSandbox {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GROUP = "/jobform/jobform";
    static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/jobform-local/7c1d0e5fab";
    static final String STREAM = "nightly-report/nightly-report/7c1d0e5fab";
    static final String FAILED_TASK = "{\"Containers\":[{\"Name\":\"nightly-report\",\"ExitCode\":3}],"
            + "\"StopCode\":\"EssentialContainerExited\",\"StoppedReason\":\"Essential container in task exited\","
            + "\"TaskArn\":\"" + TASK + "\"}";
    static final String OK_OUTPUT = "{\"input\":{},\"task\":{\"Containers\":[{\"Name\":\"nightly-report\",\"ExitCode\":0}],"
            + "\"StopCode\":\"EssentialContainerExited\",\"TaskArn\":\"" + TASK + "\"}}";

    OperateCli cli;

    @BeforeEach
    void deploy() {
        assertThat(sandbox.apply().applyFailed()).isFalse();
        cli = new OperateCli(sandbox);
        // These tests end each execution themselves, with the task and log lines they check.
        cli.states().holdExecutions(true);
    }

    private void write(Instant at, String... lines) {
        var logs = sandbox.clients.logs();
        try {
            logs.createLogGroup(r -> r.logGroupName(GROUP));
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
            // written before
        }
        try {
            logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM));
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
            // written before
        }
        List<InputLogEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            events.add(InputLogEvent.builder().timestamp(at.toEpochMilli() + i).message(lines[i]).build());
        }
        logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(events));
    }

    private String start(String job) throws Exception {
        OperateCli.Result r = cli.run("run", job, "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out()).path("executionArn").asText();
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    @Test
    void logsPrintsTheNewestRunsContainerOutputUnderAnAttemptHeader() throws Exception {
        String arn = start("nightly-report");
        cli.states().completeExecution(arn, new ExecutionOutcome.Failed("States.TaskFailed", FAILED_TASK));
        write(Instant.now().minus(Duration.ofHours(2)), "connecting to db");
        write(Instant.now(), "report: 12 rows", "ERROR: upload failed");

        OperateCli.Result all = cli.run("logs", "nightly-report");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo("==> attempt 1: task 7c1d0e5fab (log stream " + STREAM + ") <==\n"
                + "connecting to db\nreport: 12 rows\nERROR: upload failed\n");

        OperateCli.Result byName = cli.run("logs", "nightly-report", name(arn), "--tail", "1");
        assertThat(byName.exit()).as(byName.err()).isZero();
        assertThat(byName.out()).endsWith("<==\nERROR: upload failed\n");

        OperateCli.Result recent = cli.run("logs", "nightly-report", arn, "--since", "1h", "-o", "json");
        assertThat(recent.exit()).as(recent.err()).isZero();
        List<JsonNode> objects = recent.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(objects).extracting(o -> o.path("type").asText()).containsExactly("attempt", "line", "line");
        assertThat(objects.get(2).path("message").asText()).isEqualTo("ERROR: upload failed");
        assertThat(objects.get(2).path("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void logsSaysWhenARunHasNoLinesAndRejectsAnotherJobsExecution() throws Exception {
        String arn = start("backfill-orders");
        OperateCli.Result none = cli.run("logs", "backfill-orders");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err().strip()).isEqualTo("jobform logs: ScheduledJob/backfill-orders: execution " + name(arn)
                + " (RUNNING) has no log lines in /jobform/jobform (the container never started, or wrote nothing)");

        OperateCli.Result other = cli.run("logs", "nightly-report", arn);
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("is not a run of arn:aws:states:us-east-1:123456789012:stateMachine:"
                + "jobform-nightly-report");
        OperateCli.Result bad = cli.run("logs", "nightly-report", "--tail", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("jobform logs: --tail must be 1..10000, not 0\nsee 'jobform logs --help'\n");
    }

    @Test
    void logsFollowPrintsLinesUntilTheExecutionStops() throws Exception {
        String arn = start("nightly-report");
        CompletableFuture<OperateCli.Result> follow = cli.start("logs", "nightly-report", "-f");
        Thread.sleep(500);
        write(Instant.now(), "step 1", "step 2");
        cli.states().completeExecution(arn, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result r = follow.get(1, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("<==\nstep 1\nstep 2\n");
    }

    @Test
    void runFollowPrintsTransitionsLinesAndTheResult() throws Exception {
        var known = cli.running();
        CompletableFuture<OperateCli.Result> run = cli.start("run", "nightly-report", "--follow");
        String arn = cli.awaitNewRunning(known);
        write(Instant.now(), "hello from the container");
        cli.states().completeExecution(arn, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result r = run.get(1, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Following " + name(arn) + "...")
                .containsPattern("--- \\S+ ExecutionStarted\n")
                .contains("==> attempt 1: task 7c1d0e5fab")
                .contains("hello from the container\n")
                .containsPattern("--- \\S+ ExecutionSucceeded\n")
                .contains("SUCCEEDED after");
        assertThat(r.out().indexOf("ExecutionStarted")).isLessThan(r.out().indexOf("hello from the container"));
    }

    @Test
    void stopAbortsTheOneRunningExecutionWithACause() throws Exception {
        String arn = start("backfill-orders");
        OperateCli.Result r = cli.run("stop", "backfill-orders", "--cause", "wrong month");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Stopped ScheduledJob/backfill-orders execution " + name(arn) + ": wrong month\n");
        DescribeExecutionResponse d = sandbox.clients.sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(d.statusAsString()).isEqualTo("ABORTED");
        assertThat(d.cause()).isEqualTo("wrong month");

        OperateCli.Result again = cli.run("stop", "backfill-orders", name(arn));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("jobform stop: ScheduledJob/backfill-orders: execution " + name(arn)
                + " is ABORTED, not running");
        OperateCli.Result nothing = cli.run("stop", "backfill-orders");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).contains("no running execution to stop");

        String one = start("backfill-orders");
        Thread.sleep(5); // execution names carry milliseconds
        String two = start("backfill-orders");
        OperateCli.Result ambiguous = cli.run("stop", "backfill-orders");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("2 executions are running").contains(name(one)).contains(name(two));
        assertThat(sandbox.clients.sfn.describeExecution(b -> b.executionArn(one)).statusAsString()).isEqualTo("RUNNING");
    }

    @Test
    void rerunTakesTheNameHistoryPrintsAndWaits() throws Exception {
        String arn = start("nightly-report");
        cli.states().completeExecution(arn, new ExecutionOutcome.Failed("States.TaskFailed", FAILED_TASK));
        OperateCli.Result alone = cli.run("rerun", name(arn));
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).startsWith("jobform rerun: " + name(arn) + " is not an execution ARN; name the job too");

        CompletableFuture<OperateCli.Result> rerun = cli.start("rerun", "nightly-report", name(arn), "--wait");
        for (int i = 0; i < 600 && !cli.running().contains(arn); i++) {
            Thread.sleep(50);
        }
        cli.states().completeExecution(arn, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result r = rerun.get(1, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Redrove ScheduledJob/nightly-report execution " + name(arn))
                .contains("SUCCEEDED after").contains("exit code 0");

        OperateCli.Result timeoutAlone = cli.run("rerun", "nightly-report", name(arn), "--timeout", "1m");
        assertThat(timeoutAlone.exit()).isEqualTo(2);
        OperateCli.Result runTimeout = cli.run("run", "nightly-report", "--timeout", "1m");
        assertThat(runTimeout.exit()).isEqualTo(2);
        assertThat(runTimeout.err()).isEqualTo("jobform run: --timeout needs --wait or --follow (without them run "
                + "returns once started)\nsee 'jobform run --help'\n");
    }

    @Test
    void getJobsNameShowsOneJob() {
        OperateCli.Result r = cli.run("get", "jobs", "nightly-report");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).contains("nightly-report").doesNotContain("backfill-orders");
        OperateCli.Result unknown = cli.run("get", "jobs", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("ScheduledJob/nope: unknown job");
    }
}
