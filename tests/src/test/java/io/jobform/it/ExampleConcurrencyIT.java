package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.sfn.TaskOutcome;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.ScheduledJob;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The example jobs whose concurrency policy matters, run end to end while an earlier run's
 * simulated task keeps running: Forbid skips the new run, Replace stops the old one; either way
 * Step Functions stops the task of the stopped execution (through StopExecution or the gate).
 */
class ExampleConcurrencyIT extends AppliedExamplesOnClock {

    static Stream<Arguments> forbidding() throws IOException {
        return examples(job -> job.spec().concurrencyPolicy() == ConcurrencyPolicy.FORBID);
    }

    static Stream<Arguments> replacing() throws IOException {
        return examples(job -> job.spec().concurrencyPolicy() == ConcurrencyPolicy.REPLACE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidding")
    void aRunWhileAnotherRunsIsSkippedAndStoppingTheOtherStopsItsTask(String name, ScheduledJob job) {
        String first = "long-" + System.nanoTime();
        states().taskOutcomes().forExecution(first, new TaskOutcome.StaysRunning());
        ExampleRun running = ExampleRun.start(sandbox, job, first, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        // Not two days on: the first run's attempt would pass timeoutSeconds (the gate's states take no time).
        ExampleRun skipped = ExampleRun.start(sandbox, job, "second-" + System.nanoTime(), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        assertThat(skipped.describe().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(skipped.path()).endsWith("ListRunningExecutions", "CheckConcurrency", "Skipped");
        assertThat(skipped.runTaskRequests()).isEmpty();
        assertThat(running.describe().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.tasks()).singleElement().satisfies(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));

        sandbox.clients.sfn.stopExecution(r -> r.executionArn(running.arn()).error("jobform.Stopped").cause("by hand"));
        var stopped = running.describe();
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        ExampleChecks.assertStoppedBy(running, stopped.stopDate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replacing")
    void aNewRunReplacesTheRunningOneAndItsTask(String name, ScheduledJob job) {
        String first = "long-" + System.nanoTime();
        states().taskOutcomes().forExecution(first, new TaskOutcome.StaysRunning());
        ExampleRun replaced = ExampleRun.start(sandbox, job, first, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        Instant second = clock.instant();
        ExampleRun replacing = runToTheEnd(job, "second-" + System.nanoTime());
        assertThat(replacing.describe().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(replacing.path()).containsExactlyElementsOf(ExpectedPath.succeeded(job));
        var old = replaced.describe();
        assertThat(old.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(old.error()).isEqualTo("jobform.Replaced");
        // The gate stops it a moment after the new run started (the states before it take no time).
        assertThat(old.stopDate()).isBetween(second, second.plusSeconds(1));
        ExampleChecks.assertStoppedBy(replaced, old.stopDate());
    }
}
