package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit code, stop code and reason from where the rendered state machine leaves them. */
class TaskResultTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        succeeded, PascalCase task at $.task | SUCCEEDED | {"input":{},"task":{"Containers":[{"ExitCode":0}],"StopCode":"EssentialContainerExited","StoppedReason":"Essential container in task exited"}} | | | exit code 0 (EssentialContainerExited: Essential container in task exited)
        succeeded, camelCase task            | SUCCEEDED | {"task":{"containers":[{"name":"x"},{"exitCode":0}],"stopCode":"EssentialContainerExited"}} | | | exit code 0 (EssentialContainerExited)
        succeeded, no task (skipped)         | SUCCEEDED | {"input":{},"gate":{"Executions":[]}} | | | no exit code
        failed, task description in cause    | FAILED | | States.TaskFailed | {"Containers":[{"ExitCode":137,"Reason":"OutOfMemoryError"}],"StopCode":"EssentialContainerExited","StoppedReason":"Essential container in task exited"} | exit code 137 (EssentialContainerExited: Essential container in task exited)
        failed to start                      | FAILED | | States.TaskFailed | {"Containers":[{"Name":"x","Reason":"CannotPullContainerError: pull access denied"}],"StopCode":"TaskFailedToStart","StoppedReason":"CannotPullContainerError"} | no exit code (TaskFailedToStart: CannotPullContainerError)
        failed, plain text cause             | FAILED | | ECS.AmazonECSException | Rate exceeded (Service: AmazonECS; Status Code: 400) | no exit code (Rate exceeded (Service: AmazonECS; Status Code: 400))
        timed out, no cause                  | TIMED_OUT | | States.Timeout | | no exit code
        """)
    void readsTheContainerResult(String name, String status, String output, String error, String cause, String summary) {
        Execution e = new Execution("arn:aws:states:us-east-1:1:execution:m:n", "n", status, Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.of("{}"), Optional.ofNullable(output), Optional.ofNullable(error),
                Optional.ofNullable(cause), 0, Optional.empty(), Optional.empty());
        assertThat(e.taskResult().summary()).isEqualTo(summary);
    }
}
