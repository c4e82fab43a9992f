package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exit code of run --wait follows from the execution's end state and output. */
class RunReportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        container exited 0        | SUCCEEDED | {"task":{"Containers":[{"ExitCode":0}]}} | SUCCEEDED
        container exited 2 anyway | SUCCEEDED | {"task":{"Containers":[{"ExitCode":2}]}} | FAILED
        skipped by Forbid         | SUCCEEDED | {"input":{},"gate":{"Executions":[{}]}}  | NOT_RUN
        failed                    | FAILED    |                                          | FAILED
        timed out                 | TIMED_OUT |                                          | FAILED
        aborted                   | ABORTED   |                                          | FAILED
        running                   | RUNNING   |                                          | STILL_RUNNING
        being redriven            | PENDING_REDRIVE |                                    | STILL_RUNNING
        """)
    void outcome(String name, String status, String output, RunReport.Outcome expected) {
        Execution e = new Execution("arn:aws:states:us-east-1:1:execution:m:n", "n", status, Instant.EPOCH,
                Optional.empty(), Optional.of("{}"), Optional.ofNullable(output), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty());
        assertThat(RunReport.outcome(e)).isEqualTo(expected);
    }
}
