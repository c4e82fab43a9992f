package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.emulator.sfn.ExecutionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * get, describe, run, history and rerun through the CLI against the emulator: executions are
 * completed by the emulator's hooks as SUCCEEDED (task in the output) or FAILED (task
 * description with the exit code in the cause), as the rendered state machine reports them.
 */
class OperateIT extends InSandbox {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OK_OUTPUT = "{\"input\":{},\"task\":{\"Containers\":[{\"Name\":\"nightly-report\",\"ExitCode\":0}],"
            + "\"StopCode\":\"EssentialContainerExited\",\"StoppedReason\":\"Essential container in task exited\"}}";
    static final String EXIT_3_CAUSE = "{\"Containers\":[{\"Name\":\"nightly-report\",\"ExitCode\":3,"
            + "\"Reason\":\"report failed\"}],\"StopCode\":\"EssentialContainerExited\","
            + "\"StoppedReason\":\"Essential container in task exited\",\"TaskArn\":\"arn:aws:ecs:us-east-1:123456789012:task/batch/0f1e\"}";

    OperateCli cli;

    @BeforeEach
    void deploy() {
        sandbox.write("typed-input.yaml", """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: typed-input
                spec:
                  container:
                    image: public.ecr.aws/docker/library/busybox:1.36
                  input: {limit: 100, dryRun: false, region: eu-west-1}
                """);
        assertThat(sandbox.apply().applyFailed()).isFalse();
        cli = new OperateCli(sandbox);
        // These tests end each execution themselves, with the outcome they check.
        cli.states().holdExecutions(true);
    }

    @Test
    void getJobsListsEveryJobWithScheduleAndLastRun() throws Exception {
        OperateCli.Result before = cli.run("get", "jobs");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out().lines().findFirst().orElseThrow())
                .matches("NAME +SCHEDULE +SUSPENDED +STATE +REVISION +LAST RUN +RESULT +NEXT RUN +SYNCED");
        assertThat(before.out()).containsPattern(
                        "nightly-report +cron\\(0 5 \\* \\* \\? \\*\\) Europe/Berlin +no +ENABLED +1 +never +- +in \\S+ +yes")
                .containsPattern("backfill-orders +on demand +- +- +1 +never +- +- +yes")
                .containsPattern("fetch-exchange-rates +rate\\(5 minutes\\) UTC +no +ENABLED +1 +never");

        String arn = startAndComplete("nightly-report", new ExecutionOutcome.Failed("States.TaskFailed", EXIT_3_CAUSE));
        OperateCli.Result after = cli.run("get", "jobs", "-o", "json");
        assertThat(after.exit()).as(after.err()).isZero();
        JsonNode jobs = JSON.readTree(after.out()).path("jobs");
        assertThat(jobs).hasSize(7);
        JsonNode nightly = find(jobs, "nightly-report");
        assertThat(nightly.path("schedule").asText()).isEqualTo("cron(0 5 * * ? *)");
        assertThat(nightly.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(nightly.path("suspended").asBoolean()).isFalse();
        assertThat(nightly.path("result").asText()).isEqualTo("FAILED");
        assertThat(nightly.path("lastRun").path("executionArn").asText()).isEqualTo(arn);
        assertThat(nightly.path("nextRun").asText()).matches("\\d{4}-\\d\\d-\\d\\dT05:\\d\\d\\+0[12]:00");
        assertThat(nightly.path("synced").asBoolean()).isTrue();
        assertThat(find(jobs, "backfill-orders").path("schedule").isNull()).isTrue();
        assertThat(find(jobs, "backfill-orders").path("lastRun").isNull()).isTrue();
    }

    @Test
    void describeShowsTheLiveScheduleAndRevisionAndSyncedOnlyWhenTheyMatch() throws Exception {
        var current = sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"));
        sandbox.clients.scheduler.updateSchedule(b -> b.groupName("jobform").name("jobform-nightly-report")
                .scheduleExpression("cron(0 9 * * ? *)").scheduleExpressionTimezone("Europe/Berlin")
                .flexibleTimeWindow(current.flexibleTimeWindow()).target(current.target())
                .state(software.amazon.awssdk.services.scheduler.model.ScheduleState.DISABLED));
        OperateCli.Result drifted = cli.run("describe", "job", "nightly-report");
        assertThat(drifted.out()).contains("Synced:          no",
                "drift:         Schedule: live cron(0 9 * * ? *) Europe/Berlin, desired cron(0 5 * * ? *) Europe/Berlin",
                "drift:         Schedule: live DISABLED, desired ENABLED",
                "Live schedule:   cron(0 9 * * ? *) Europe/Berlin, DISABLED",
                "Live revision:   jobform-nightly-report:1");

        assertThat(sandbox.apply().applyFailed()).isFalse(); // the console edit is repaired
        assertThat(sandbox.apply(io.jobform.reconcile.ReconcileOptions.defaults().withDeep(true)).applyFailed())
                .isFalse(); // everything else matches: no new revision
        OperateCli.Result repaired = cli.run("describe", "job", "nightly-report", "-o", "json");
        JsonNode json = JSON.readTree(repaired.out());
        assertThat(json.path("synced").asBoolean()).as(repaired.out()).isTrue();
        assertThat(json.path("live").path("schedule").path("state").asText()).isEqualTo("ENABLED");
        assertThat(json.path("live").path("schedule").path("expression").asText()).isEqualTo("cron(0 5 * * ? *)");
        assertThat(json.path("live").path("taskDefinition").asText()).endsWith("task-definition/jobform-nightly-report:1");
        assertThat(json.path("live").path("drift")).isEmpty();
        assertThat(repaired.out()).contains("\"arn\" : \"arn:aws:ecs:us-east-1:123456789012:task-definition/"
                + "jobform-nightly-report:1\"");
    }

    @Test
    void getJobsMakesOneListExecutionsCallPerDeployedJobAndListsTheLiveStateOnce() {
        sandbox.resetCalls();
        assertThat(cli.run("get", "jobs").exit()).isZero();
        // 7 status objects: one LIST, one GET each, and the inventory; Step Functions only for
        // the last run; the live state of all jobs from one page of schedules and one of revisions.
        assertThat(sandbox.calls()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "s3:ListObjectsV2", 1L, "s3:GetObject", 8L, "states:ListExecutions", 7L,
                "scheduler:ListSchedules", 1L, "ecs:ListTaskDefinitions", 1L));
    }

    @Test
    void getJobsShowsWhatIsLiveAndSyncedOnlyWhereItMatches() throws Exception {
        var current = sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"));
        sandbox.clients.scheduler.updateSchedule(b -> b.groupName("jobform").name("jobform-nightly-report")
                .scheduleExpression(current.scheduleExpression())
                .scheduleExpressionTimezone(current.scheduleExpressionTimezone())
                .flexibleTimeWindow(current.flexibleTimeWindow()).target(current.target())
                .state(software.amazon.awssdk.services.scheduler.model.ScheduleState.DISABLED));
        var td = sandbox.clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-invoice-sync")).taskDefinition();
        sandbox.clients.ecs.registerTaskDefinition(b -> b.family(td.family()).taskRoleArn(td.taskRoleArn())
                .executionRoleArn(td.executionRoleArn()).networkMode(td.networkMode())
                .requiresCompatibilities(td.requiresCompatibilities()).cpu(td.cpu()).memory(td.memory())
                .containerDefinitions(td.containerDefinitions()));
        var other = sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-fetch-exchange-rates"));
        sandbox.clients.scheduler.updateSchedule(b -> b.groupName("jobform").name("jobform-fetch-exchange-rates")
                .scheduleExpression("rate(7 minutes)").scheduleExpressionTimezone(other.scheduleExpressionTimezone())
                .flexibleTimeWindow(other.flexibleTimeWindow()).target(other.target()).state(other.state()));

        OperateCli.Result text = cli.run("get", "jobs");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .containsPattern("(?m)^nightly-report +cron\\(0 5 \\* \\* \\? \\*\\) Europe/Berlin +no +DISABLED +1 .* no$")
                .containsPattern("(?m)^invoice-sync +.* +ENABLED +2 +never .* no$")
                .containsPattern("(?m)^fetch-exchange-rates +rate\\(5 minutes\\) UTC +no +ENABLED +1 .* no$")
                .containsPattern("(?m)^db-maintenance +.* yes$");
        JsonNode jobs = JSON.readTree(cli.run("get", "jobs", "-o", "json").out()).path("jobs");
        JsonNode nightly = find(jobs, "nightly-report");
        assertThat(nightly.path("synced").asBoolean()).isFalse();
        assertThat(nightly.path("live").path("scheduleState").asText()).isEqualTo("DISABLED");
        assertThat(nightly.path("live").path("drift")).extracting(JsonNode::asText)
                .containsExactly("Schedule: live DISABLED, desired ENABLED",
                        "Schedule: modified in AWS after jobform applied it");
        assertThat(find(jobs, "invoice-sync").path("live").path("drift")).extracting(JsonNode::asText)
                .containsExactly("TaskDefinition: live jobform-invoice-sync:2, applied jobform-invoice-sync:1");
        assertThat(find(jobs, "fetch-exchange-rates").path("live").path("drift")).extracting(JsonNode::asText)
                .containsExactly("Schedule: modified in AWS after jobform applied it");

        // The next reconcile repairs the schedules and the deep one the task definition: all synced again.
        assertThat(sandbox.apply().applyFailed()).isFalse();
        assertThat(sandbox.apply(io.jobform.reconcile.ReconcileOptions.defaults().withDeep(true)).applyFailed())
                .isFalse();
        JsonNode after = JSON.readTree(cli.run("get", "jobs", "-o", "json").out()).path("jobs");
        for (JsonNode job : after) {
            assertThat(job.path("synced").asBoolean()).as(job.toString()).isTrue();
        }
        assertThat(find(after, "invoice-sync").path("live").path("taskDefinition").asText())
                .endsWith("jobform-invoice-sync:3");
    }

    @Test
    void runMergesTypedInputIntoTheManifestInputShapedLikeTheSchedulesInput() throws Exception {
        Path file = work.resolve("input.json");
        Files.writeString(file, "{\"region\": \"us-west-2\", \"extra\": [1, 2]}");
        OperateCli.Result r = cli.run("run", "typed-input", "--input", "limit=5", "--input", "dryRun=true",
                "--input", "note=hello world", "--input-file", file.toString(), "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode started = JSON.readTree(r.out());
        assertThat(started.path("name").asText()).matches("manual-\\d{8}T\\d{6}\\.\\d{3}Z");
        String arn = started.path("executionArn").asText();
        assertThat(started.path("console").asText()).isEqualTo("https://us-east-1.console.aws.amazon.com/states/home"
                + "?region=us-east-1#/v2/executions/details/" + arn);
        DescribeExecutionResponse d = sandbox.clients.sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(JSON.readTree(d.input())).isEqualTo(JSON.readTree(
                "{\"input\":{\"limit\":5,\"dryRun\":true,\"region\":\"us-west-2\",\"extra\":[1,2],\"note\":\"hello world\"}}"));
        assertThat(d.stateMachineArn()).endsWith(":stateMachine:jobform-typed-input");

        OperateCli.Result plain = cli.run("run", "backfill-orders");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("Started ScheduledJob/backfill-orders execution manual-")
                .contains("input:   {\"input\":{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}}");

        OperateCli.Result badType = cli.run("run", "typed-input", "--input", "limit=many");
        assertThat(badType.exit()).isEqualTo(2);
        assertThat(badType.err().strip()).isEqualTo("jobform run: ScheduledJob/typed-input: --input limit=many: the "
                + "manifest's input has limit as number 100, the value is not one");
        OperateCli.Result badPair = cli.run("run", "typed-input", "--input", "novalue");
        assertThat(badPair.exit()).isEqualTo(2);
        assertThat(badPair.err()).contains("--input novalue: expected key=value");
    }

    @Test
    void runWaitExitsZeroOnSuccessWithTheExitCode() throws Exception {
        var known = cli.running();
        CompletableFuture<OperateCli.Result> run = cli.start("run", "nightly-report", "--wait");
        String arn = cli.awaitNewRunning(known);
        cli.states().completeExecution(arn, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result r = run.get(2, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Waiting for manual-")
                .containsPattern("SUCCEEDED after \\d+s: exit code 0 \\(EssentialContainerExited: Essential container in task exited\\)");
    }

    @Test
    void runWaitExitsNonZeroOnFailureWithExitCodeAndStopReason() throws Exception {
        var known = cli.running();
        CompletableFuture<OperateCli.Result> run = cli.start("run", "nightly-report", "--wait", "-o", "json");
        String arn = cli.awaitNewRunning(known);
        cli.states().completeExecution(arn, new ExecutionOutcome.Failed("States.TaskFailed", EXIT_3_CAUSE));
        OperateCli.Result r = run.get(2, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode json = JSON.readTree(r.out());
        assertThat(r.err()).as("a failed run is the requested report, not an error of the command").isEmpty();
        assertThat(json.path("outcome").asText()).isEqualTo("FAILED");
        JsonNode execution = json.path("execution");
        assertThat(execution.path("status").asText()).isEqualTo("FAILED");
        assertThat(execution.path("exitCode").asInt()).isEqualTo(3);
        assertThat(execution.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
        assertThat(execution.path("stoppedReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(execution.path("error").asText()).isEqualTo("States.TaskFailed");
        assertThat(execution.path("startedBy").asText()).isEqualTo("manual");
    }

    @Test
    void runWaitGivesUpAfterTheTimeoutAndWhenNoContainerRan() throws Exception {
        OperateCli.Result timedOut = cli.run("run", "nightly-report", "--wait", "--timeout", "1s");
        assertThat(timedOut.exit()).isEqualTo(1);
        assertThat(timedOut.out()).contains("still RUNNING after").contains("(--timeout 1s reached)");

        var known = cli.running();
        CompletableFuture<OperateCli.Result> run = cli.start("run", "db-maintenance", "--wait");
        String arn = cli.awaitNewRunning(known);
        // What the Skipped state returns: the input and the concurrency gate's listing, no task.
        cli.states().completeExecution(arn, new ExecutionOutcome.Succeeded("{\"input\":{},\"gate\":{\"Executions\":[]}}"));
        OperateCli.Result skipped = run.get(2, TimeUnit.MINUTES);
        assertThat(skipped.exit()).isEqualTo(1);
        assertThat(skipped.out()).contains("without running the container");
    }

    @Test
    void historyShowsStatusExitCodeAndHowEachRunStarted() throws Exception {
        String scheduled = sandbox.clients.sfn.startExecution(b -> b.stateMachineArn(machine("nightly-report"))
                .name("3f1c0c4e-5b7a-4f0e-9d55-2b9f0d1f0a11")
                .input("{\"input\":{},\"scheduledTime\":\"2026-11-23T04:00:00Z\",\"executionId\":\"abc\"}")).executionArn();
        cli.states().completeExecution(scheduled, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        String manual = startAndComplete("nightly-report", new ExecutionOutcome.Failed("States.TaskFailed", EXIT_3_CAUSE));

        OperateCli.Result text = cli.run("history", "nightly-report");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().findFirst().orElseThrow())
                .matches("EXECUTION +STARTED +DURATION +STATUS +EXIT +STARTED BY");
        assertThat(text.out()).containsPattern("manual-\\S+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +\\d+s +FAILED +3 +manual")
                .containsPattern("3f1c0c4e-5b7a-4f0e-9d55-2b9f0d1f0a11 +\\S+ \\S+ +\\d+s +SUCCEEDED +0 +schedule");

        OperateCli.Result json = cli.run("history", "nightly-report", "--limit", "1", "-o", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode executions = JSON.readTree(json.out()).path("executions");
        assertThat(executions).hasSize(1);
        assertThat(executions.get(0).path("executionArn").asText()).isEqualTo(manual);
        assertThat(executions.get(0).path("exitCode").asInt()).isEqualTo(3);
        assertThat(executions.get(0).path("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(executions.get(0).path("input")).isEqualTo(JSON.readTree("{\"input\":{}}"));

        assertThat(cli.run("history", "nightly-report", "--limit", "0").exit()).isEqualTo(2);
    }

    @Test
    void describeShowsResourcesNextRunsAndLastRuns() throws Exception {
        String arn = startAndComplete("nightly-report", new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result text = cli.run("describe", "job", "nightly-report");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Name:            ScheduledJob/nightly-report")
                .contains("Manifest:        nightly-report.yaml")
                .contains("Valid:           yes")
                .contains("Schedule:        cron(0 5 * * ? *) Europe/Berlin (0 5 * * *)")
                .contains("Last error:      none")
                .contains("  StateMachine/jobform-nightly-report\n    arn:     arn:aws:states:us-east-1:123456789012:"
                        + "stateMachine:jobform-nightly-report\n    console: https://us-east-1.console.aws.amazon.com/states/")
                .contains("  Schedule/jobform-nightly-report")
                .contains("  TaskDefinition/jobform-nightly-report");
        assertThat(text.out().lines().filter(l -> l.matches("  \\d{4}-\\d\\d-\\d\\dT05:\\d\\d\\+0[12]:00  \\(in .+\\)")))
                .hasSize(5);

        OperateCli.Result json = cli.run("describe", "job", "nightly-report", "-o", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode d = JSON.readTree(json.out());
        assertThat(d.path("valid").asBoolean()).isTrue();
        assertThat(d.path("errors")).isEmpty();
        assertThat(d.path("nextRuns")).hasSize(5);
        assertThat(d.path("runs")).hasSize(1);
        assertThat(d.path("runs").get(0).path("executionArn").asText()).isEqualTo(arn);
        assertThat(d.path("runs").get(0).path("exitCode").asInt()).isZero();
        assertThat(d.findValuesAsText("id")).contains("StateMachine/jobform-nightly-report",
                "Schedule/jobform-nightly-report", "TaskDefinition/jobform-nightly-report");
        d.path("resources").forEach(r -> assertThat(r.path("console").asText()).startsWith("https://"));
    }

    @Test
    void rerunRedrivesAFailedExecutionAndStartsANewOneOtherwise() throws Exception {
        String failed = startAndComplete("nightly-report", new ExecutionOutcome.Failed("States.TaskFailed", EXIT_3_CAUSE));
        OperateCli.Result redrive = cli.run("rerun", failed, "-o", "json");
        assertThat(redrive.exit()).as(redrive.err()).isZero();
        JsonNode r = JSON.readTree(redrive.out());
        assertThat(r.path("mode").asText()).isEqualTo("redrive");
        assertThat(r.path("executionArn").asText()).isEqualTo(failed);
        DescribeExecutionResponse d = sandbox.clients.sfn.describeExecution(b -> b.executionArn(failed));
        assertThat(d.statusAsString()).isEqualTo("RUNNING");
        assertThat(d.redriveCount()).isEqualTo(1);

        OperateCli.Result stillRunning = cli.run("rerun", failed);
        assertThat(stillRunning.exit()).isEqualTo(1);
        assertThat(stillRunning.err().strip()).startsWith("jobform rerun: ScheduledJob/nightly-report: execution ")
                .endsWith("is RUNNING; wait for it or stop it first");

        String scheduled = sandbox.clients.sfn.startExecution(b -> b.stateMachineArn(machine("nightly-report"))
                .name("sched-1").input("{\"input\":{\"day\":\"x\"},\"scheduledTime\":\"2026-11-23T04:00:00Z\","
                        + "\"executionId\":\"abc\"}")).executionArn();
        cli.states().completeExecution(scheduled, new ExecutionOutcome.Succeeded(OK_OUTPUT));
        OperateCli.Result fresh = cli.run("rerun", scheduled);
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("Started ScheduledJob/nightly-report execution manual-")
                .contains("not redrivable (Execution is SUCCEEDED and cannot be redriven)");
        String freshArn = fresh.out().lines().filter(l -> l.startsWith("  arn:")).findFirst().orElseThrow()
                .substring("  arn:".length()).strip();
        // The same job input, without scheduledTime: a rerun must not trip the starting deadline.
        assertThat(JSON.readTree(sandbox.clients.sfn.describeExecution(b -> b.executionArn(freshArn)).input()))
                .isEqualTo(JSON.readTree("{\"input\":{\"day\":\"x\"}}"));

        cli.states().completeExecution(failed, new ExecutionOutcome.Failed("States.TaskFailed", EXIT_3_CAUSE));
        OperateCli.Result forced = cli.run("rerun", failed, "--new", "-o", "json");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(JSON.readTree(forced.out()).path("mode").asText()).isEqualTo("new");
        assertThat(JSON.readTree(forced.out()).path("executionArn").asText()).isNotEqualTo(failed).contains(":manual-");
    }

    @Test
    void userErrorsAreOneLineNamingTheJob() throws Exception {
        OperateCli.Result unknown = cli.run("run", "no-such-job");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("jobform run: ScheduledJob/no-such-job: unknown job: no status "
                + "object in s3://jobform-it/_jobform/status/ (not applied yet, or another --instance or --bucket?)");
        assertThat(unknown.out()).as("the error goes to stderr only").isEmpty();
        assertThat(cli.run("describe", "job", "no-such-job").err()).contains("ScheduledJob/no-such-job: unknown job")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.run("history", "no-such-job").exit()).isEqualTo(1);

        sandbox.write("broken.yaml", """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: broken
                spec:
                  container:
                    image: public.ecr.aws/docker/library/busybox:1.36
                    memory: 1000
                """);
        sandbox.apply();
        OperateCli.Result frozen = cli.run("describe", "job", "broken");
        assertThat(frozen.exit()).as(frozen.err()).isZero();
        assertThat(frozen.out()).contains("Manifest:        broken.yaml", "Valid:           no", "Synced:          no",
                "Resources:\n  none deployed").containsPattern("Last error: +broken\\.yaml:\\d+:\\d+: ");
        assertThat(cli.run("get", "jobs").out()).containsPattern("broken +- +- +- +- +never +- +- +invalid");
        OperateCli.Result notDeployed = cli.run("run", "broken");
        assertThat(notDeployed.exit()).isEqualTo(1);
        assertThat(notDeployed.err().strip()).startsWith("jobform run: ScheduledJob/broken: not deployed: broken.yaml:")
                .doesNotContain("\n");

        sandbox.clients.sfn.deleteStateMachine(b -> b.stateMachineArn(machine("typed-input")));
        OperateCli.Result gone = cli.run("run", "typed-input");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("jobform run: ScheduledJob/typed-input: not deployed: StateMachine "
                + machine("typed-input") + " does not exist");

        assertThat(cli.run("get", "pods").exit()).isEqualTo(2);
        assertThat(cli.run("rerun", "arn:aws:states:us-east-1:123456789012:stateMachine:x").exit()).isEqualTo(2);
        OperateCli.Result foreign = cli.run("rerun", "arn:aws:states:us-east-1:123456789012:execution:other-job:run-1");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("StateMachine/other-job is not a job of instance jobform");
        OperateCli.Result badTimeout = cli.run("run", "nightly-report", "--wait", "--timeout", "soon");
        assertThat(badTimeout.exit()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("not a duration: soon");
    }

    private String startAndComplete(String job, ExecutionOutcome outcome) throws Exception {
        OperateCli.Result r = cli.run("run", job, "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        String arn = JSON.readTree(r.out()).path("executionArn").asText();
        cli.states().completeExecution(arn, outcome);
        return arn;
    }

    private String machine(String job) {
        return "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-" + job;
    }

    private static JsonNode find(JsonNode jobs, String name) {
        for (JsonNode j : jobs) {
            if (j.path("name").asText().equals(name)) {
                return j;
            }
        }
        throw new AssertionError("no job " + name + " in " + jobs);
    }
}
