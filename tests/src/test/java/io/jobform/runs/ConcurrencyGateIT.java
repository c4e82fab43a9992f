package io.jobform.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.sfn.ExecutionOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The concurrency gate of a rendered machine executed in the emulator through the real Step
 * Functions client, with the emulator's own ListExecutions and StopExecution (nothing scripted):
 * other RUNNING executions spanning two ListExecutions pages are all stopped, and what
 * StopExecution answers for an execution that has ended or does not exist is what the API
 * reference lists. {@link GatePagesIT} runs the same gate on scripted pages in both interpreters.
 */
class ConcurrencyGateIT {

    @Test
    void replaceStopsEveryOtherRunningExecutionOnEveryPage() {
        try (GateInEmulator aws = new GateInEmulator()) {
            String machine = aws.createMachine("jobform-job", RenderedJob.definition("  concurrencyPolicy: Replace\n").toString());
            // Held executions stay RUNNING (they never reach their own gate): 150 others and one
            // this run must not touch because it has ended. Pages hold 100 (MaxResults).
            aws.states().holdExecutions(true);
            String ended = aws.start(machine, "ended");
            aws.states().completeExecution(ended, new ExecutionOutcome.Succeeded("{}"));
            List<String> others = IntStream.range(0, 150).mapToObj(i -> aws.start(machine, String.format("other-%03d", i))).toList();
            aws.states().holdExecutions(false);
            String replacer = aws.start(machine, "replacer");
            aws.later();

            SoftAssertions soft = new SoftAssertions();
            for (String other : others) {
                var d = aws.sfn.describeExecution(r -> r.executionArn(other));
                soft.assertThat(d.status()).as(other).isEqualTo(ExecutionStatus.ABORTED);
                soft.assertThat(d.error()).as(other).isEqualTo("jobform.Replaced");
                soft.assertThat(d.cause()).as(other).isEqualTo("concurrencyPolicy Replace: replaced by " + replacer);
            }
            soft.assertThat(aws.sfn.describeExecution(r -> r.executionArn(ended)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            List<String> entered = aws.entered(replacer);
            soft.assertThat(Collections.frequency(entered, "ListRunningExecutions")).as("first page").isEqualTo(1);
            soft.assertThat(Collections.frequency(entered, "ListMoreRunningExecutions")).as("second page").isEqualTo(1);
            soft.assertThat(Collections.frequency(entered, "StopExecution")).as("stops").isEqualTo(150);
            soft.assertThat(Collections.frequency(entered, "Keep")).as("itself, kept").isEqualTo(1);
            soft.assertThat(entered).contains("Run", "RunSucceeded");
            // The second page is asked for with the first page's token and holds the rest.
            var pages = aws.taskCalls(replacer).stream().filter(c -> c.state().endsWith("RunningExecutions")).toList();
            soft.assertThat(pages).extracting(GateInEmulator.TaskCallRecord::state)
                    .containsExactly("ListRunningExecutions", "ListMoreRunningExecutions");
            if (pages.size() == 2) {
                soft.assertThat(pages.get(0).result().path("Executions").size()).as("first page").isEqualTo(100);
                soft.assertThat(pages.get(1).parameters().path("NextToken").asText()).as("token asked for")
                        .isNotEmpty().isEqualTo(pages.get(0).result().path("NextToken").asText());
                soft.assertThat(pages.get(1).result().path("Executions").size()).as("second page").isEqualTo(51);
                soft.assertThat(pages.get(1).result().has("NextToken")).as("last page").isFalse();
            }
            soft.assertThat(aws.sfn.describeExecution(r -> r.executionArn(replacer)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            soft.assertAll();
        }
    }

    /**
     * StopExecution lists no error for an execution that has ended (API reference, StopExecution,
     * Errors: ExecutionDoesNotExist, InvalidArn, the KMS errors, ValidationException): it answers
     * 200 and the execution keeps its ending. An unknown execution is ExecutionDoesNotExist,
     * which the aws-sdk:sfn integration names Sfn.ExecutionDoesNotExistException ("Learning to use
     * AWS service SDK integrations": service name and the SDK's exception class). These are the
     * answers {@link GatePagesIT} scripts for the gate.
     */
    @Test
    void stoppingAnEndedExecutionSucceedsAndAMissingOneDoesNotExist() {
        try (GateInEmulator aws = new GateInEmulator()) {
            String machine = aws.createMachine("jobform-job", RenderedJob.definition("").toString());
            aws.states().holdExecutions(true);
            String ended = aws.start(machine, "ended");
            aws.states().completeExecution(ended, new ExecutionOutcome.Failed("jobform.ContainerFailed", "exit code 3"));
            aws.states().holdExecutions(false);
            var before = aws.sfn.describeExecution(r -> r.executionArn(ended));
            aws.later();

            assertThat(aws.sfn.stopExecution(r -> r.executionArn(ended).error("jobform.Replaced")).stopDate()).isNotNull();
            var after = aws.sfn.describeExecution(r -> r.executionArn(ended));
            assertThat(List.of(after.status(), after.error(), after.stopDate()))
                    .isEqualTo(List.of(ExecutionStatus.FAILED, "jobform.ContainerFailed", before.stopDate()));
            String missing = ended.replace(":ended", ":never-started");
            assertThatThrownBy(() -> aws.sfn.stopExecution(r -> r.executionArn(missing)))
                    .isInstanceOf(ExecutionDoesNotExistException.class);

            // The same two answers through the integration the Replace gate calls.
            String stopper = aws.createMachine("stopper", """
                    {"StartAt":"Stop","States":{"Stop":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:stopExecution",
                     "Parameters":{"ExecutionArn.$":"$.arn","Error":"jobform.Replaced"},"End":true}}}""");
            List<String> runs = new ArrayList<>();
            for (String target : List.of(ended, missing)) {
                String name = "stop-" + runs.size();
                runs.add(aws.sfn.startExecution(r -> r.stateMachineArn(stopper).name(name)
                        .input("{\"arn\":\"" + target + "\"}")).executionArn());
            }
            aws.later();
            var stoppedEnded = aws.sfn.describeExecution(r -> r.executionArn(runs.get(0)));
            assertThat(stoppedEnded.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(stoppedEnded.output()).contains("\"StopDate\"");
            assertThat(aws.sfn.describeExecution(r -> r.executionArn(ended)).status()).isEqualTo(ExecutionStatus.FAILED);
            var stoppedMissing = aws.sfn.describeExecution(r -> r.executionArn(runs.get(1)));
            assertThat(List.of(stoppedMissing.status(), stoppedMissing.error()))
                    .isEqualTo(List.of(ExecutionStatus.FAILED, "Sfn.ExecutionDoesNotExistException"));
        }
    }

    /** ListExecutions through the integration, one execution a page: each token leads on, none repeats. */
    @Test
    void listExecutionsThroughTheIntegrationFollowsItsToken() {
        try (GateInEmulator aws = new GateInEmulator()) {
            String machine = aws.createMachine("jobform-job", RenderedJob.definition("").toString());
            aws.states().holdExecutions(true);
            List<String> held = IntStream.range(0, 3).mapToObj(i -> aws.start(machine, "held-" + i)).toList();
            aws.states().holdExecutions(false);
            String lister = aws.createMachine("lister", """
                    {"StartAt":"First","States":{
                     "First":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:listExecutions","ResultPath":"$.first",
                      "Parameters":{"StateMachineArn.$":"$.machine","StatusFilter":"RUNNING","MaxResults":1},"Next":"Second"},
                     "Second":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:listExecutions","ResultPath":"$.second",
                      "Parameters":{"StateMachineArn.$":"$.machine","StatusFilter":"RUNNING","MaxResults":1,
                       "NextToken.$":"$.first.NextToken"},"Next":"Unknown"},
                     "Unknown":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:listExecutions",
                      "Parameters":{"StateMachineArn.$":"$.machine","NextToken":"no-such-token"},"End":true}}}""");
            String run = aws.sfn.startExecution(r -> r.stateMachineArn(lister).name("list")
                    .input("{\"machine\":\"" + machine + "\"}")).executionArn();
            aws.later();
            var calls = aws.taskCalls(run);
            assertThat(calls).extracting(GateInEmulator.TaskCallRecord::state).containsExactly("First", "Second");
            assertThat(calls.get(0).result().at("/Executions/0/ExecutionArn").asText()).isEqualTo(held.get(2));
            assertThat(calls.get(1).result().at("/Executions/0/ExecutionArn").asText()).isEqualTo(held.get(1));
            assertThat(calls.get(1).result().path("NextToken").asText()).isNotEmpty();
            var ended = aws.sfn.describeExecution(r -> r.executionArn(run));
            assertThat(List.of(ended.status(), ended.error())).isEqualTo(List.of(ExecutionStatus.FAILED, "Sfn.InvalidTokenException"));
        }
    }
}
