package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure class, reason, attempts and exit code from the Error and Cause the rendered Fail state writes. */
class RunFailureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        container failed       | jobform.ContainerFailed    | exit code 3: Essential container in task exited (attempts: 3) | container failed (jobform.ContainerFailed) after 3 attempts: exit code 3: Essential container in task exited | 3
        could not start        | jobform.CouldNotStart      | ECS.AmazonECSException: Capacity is unavailable at this time (attempts: 4) | could not start (jobform.CouldNotStart) after 4 attempts: ECS.AmazonECSException: Capacity is unavailable at this time | -
        configuration, 1 try   | jobform.ConfigurationError | CannotPullContainerError: not found (attempts: 1) | configuration error (jobform.ConfigurationError) after 1 attempt: CannotPullContainerError: not found | -
        no attempt count       | jobform.Unclassified       | States.Runtime | unclassified failure (jobform.Unclassified): States.Runtime | -
        """)
    void readsTheFailState(String name, String error, String cause, String summary, Integer exitCode) {
        RunFailure f = RunFailure.of(failed(error, cause)).orElseThrow();
        assertThat(f.summary()).isEqualTo(summary);
        assertThat(f.exitCode()).isEqualTo(Optional.ofNullable(exitCode));
        assertThat(failed(error, cause).taskResult().exitCode()).isEqualTo(Optional.ofNullable(exitCode));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ECS error of an older machine | States.TaskFailed
        stopped by Replace            | jobform.Replaced
        """)
    void otherErrorsAreNoJobformFailure(String name, String error) {
        assertThat(RunFailure.of(failed(error, "x"))).isEmpty();
    }

    private static Execution failed(String error, String cause) {
        return new Execution("arn:aws:states:us-east-1:1:execution:m:n", "n", "FAILED", Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.of("{}"), Optional.empty(), Optional.of(error), Optional.of(cause), 0,
                Optional.empty(), Optional.empty());
    }
}
