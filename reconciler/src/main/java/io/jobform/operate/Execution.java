package io.jobform.operate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One Step Functions execution of a job's state machine, as DescribeExecution (all fields) or
 * ListExecutions (no input, output, error or cause) reports it.
 *
 * @param status       RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE
 * @param redriveStatus REDRIVABLE or NOT_REDRIVABLE (DescribeExecution only)
 */
public record Execution(
        String arn,
        String name,
        String status,
        Instant startDate,
        Optional<Instant> stopDate,
        Optional<String> input,
        Optional<String> output,
        Optional<String> error,
        Optional<String> cause,
        int redriveCount,
        Optional<String> redriveStatus,
        Optional<String> redriveStatusReason) {

    public boolean running() {
        return status.equals("RUNNING") || status.equals("PENDING_REDRIVE");
    }

    public boolean succeeded() {
        return status.equals("SUCCEEDED");
    }

    /** Until it stopped, or until {@code now} while it runs. */
    public Duration duration(Instant now) {
        return Duration.between(startDate, stopDate.orElse(now));
    }

    public Trigger trigger() {
        return Trigger.of(name, input);
    }

    public TaskResult taskResult() {
        return TaskResult.of(this);
    }
}
