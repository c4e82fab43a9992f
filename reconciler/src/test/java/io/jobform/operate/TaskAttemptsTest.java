package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskAttemptsTest {
    static final String T1 = "arn:aws:ecs:eu-west-1:123456789012:task/jobs/aaa111";
    static final String T2 = "arn:aws:ecs:eu-west-1:123456789012:task/jobs/bbb222";

    static Execution execution(String status, Optional<String> output, Optional<String> cause) {
        return new Execution("arn:aws:states:eu-west-1:123456789012:execution:jobform-x:run-1", "run-1", status,
                Instant.EPOCH, Optional.empty(), Optional.of("{}"), output, Optional.empty(), cause, 0,
                Optional.empty(), Optional.empty());
    }

    static ExecutionEvent event(long id, String type, String detail) {
        return new ExecutionEvent(id, Instant.EPOCH.plusSeconds(id), type, Optional.empty(), Optional.ofNullable(detail));
    }

    @Test
    void everyRetryIsOneAttemptInTheOrderStepFunctionsSubmittedThem() {
        List<ExecutionEvent> history = List.of(
                event(1, "ExecutionStarted", "{}"),
                event(3, "TaskSubmitted", "{\"Tasks\":[{\"TaskArn\":\"" + T1 + "\"}],\"Failures\":[]}"),
                event(4, "TaskFailed", "{\"TaskArn\":\"" + T1 + "\",\"Containers\":[{\"ExitCode\":1}]}"),
                event(6, "TaskSubmitted", "{\"Tasks\":[{\"TaskArn\":\"" + T2 + "\"}]}"),
                event(7, "TaskSucceeded", "{\"TaskArn\":\"" + T2 + "\"}"));
        assertThat(TaskAttempts.of(history, execution("SUCCEEDED", Optional.empty(), Optional.empty())))
                .containsExactly(T1, T2);
    }

    @Test
    void withoutTaskEventsTheOutputOrCauseNamesTheTask() {
        assertThat(TaskAttempts.of(List.of(), execution("SUCCEEDED",
                Optional.of("{\"task\":{\"TaskArn\":\"" + T1 + "\"}}"), Optional.empty()))).containsExactly(T1);
        assertThat(TaskAttempts.of(List.of(), execution("FAILED", Optional.empty(),
                Optional.of("{\"taskArn\":\"" + T2 + "\"}")))).containsExactly(T2);
        assertThat(TaskAttempts.of(List.of(), execution("FAILED", Optional.empty(), Optional.of("not json"))))
                .isEmpty();
        assertThat(TaskAttempts.of(List.of(event(2, "TaskSubmitted", "{\"Tasks\":[{\"TaskArn\":\"not-a-task\"}]}")),
                execution("RUNNING", Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void theStreamIsPrefixContainerAndTaskId() {
        assertThat(TaskAttempts.taskId(T1)).isEqualTo("aaa111");
        assertThat(JobLogs.stream("nightly-report", T1)).isEqualTo("nightly-report/nightly-report/aaa111");
    }
}
