package io.jobform.operate;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobStatusTest {

    @Test
    void readsWhatTheReconcilerWrites() {
        JobStatus s = JobStatus.parse("nightly-report", "_jobform/status/nightly-report.json", """
                {"manifest":"nightly-report.yaml","etag":"e","valid":true,"errors":[],"synced":true,
                 "resources":{"StateMachine/jobform-nightly-report":{"arn":"arn:aws:states:us-east-1:1:stateMachine:jobform-nightly-report","console":"https://c"},
                              "Schedule/jobform-nightly-report":{"arn":"arn:aws:scheduler:us-east-1:1:schedule/jobform/jobform-nightly-report","console":"https://s"}},
                 "schedule":{"expression":"cron(0 5 * * ? *)","source":"0 5 * * *","timezone":"Europe/Berlin","suspended":true},
                 "nextRuns":[],"lastReconciled":"2026-11-23T21:00:03Z"}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(s.stateMachineArn()).contains("arn:aws:states:us-east-1:1:stateMachine:jobform-nightly-report");
        assertThat(s.resource("Schedule").map(JobStatus.Resource::console)).contains("https://s");
        assertThat(s.schedule()).contains(new ScheduleInfo("cron(0 5 * * ? *)", "0 5 * * *", "Europe/Berlin",
                Optional.empty(), Optional.empty(), true));
        assertThat(s.lastReconciled()).contains(Instant.parse("2026-11-23T21:00:03Z"));
        assertThat(s.valid()).isTrue();
        assertThat(s.synced()).isTrue();
    }

    @Test
    void aFrozenJobHasErrorsAndNoStateMachine() {
        JobStatus s = JobStatus.parse("broken", "_jobform/status/broken.json", """
                {"manifest":"broken.yaml","valid":false,"errors":["broken.yaml:8:13: error: spec.container.memory: x"],
                 "synced":false,"resources":{}}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(s.stateMachineArn()).isEmpty();
        assertThat(s.schedule()).isEmpty();
        assertThat(s.errors()).containsExactly("broken.yaml:8:13: error: spec.container.memory: x");
    }

    @ParameterizedTest
    @CsvSource({"'not json'", "'[1]'"})
    void anUnreadableObjectIsAnOperateFailure(String body) {
        assertThatThrownBy(() -> JobStatus.parse("x", "_jobform/status/x.json", body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OperateException.class).hasMessageStartingWith("unreadable status object _jobform/status/x.json");
    }

    @ParameterizedTest
    @CsvSource({"_jobform/status/a.json, a", "_jobform/status/_summary.json, ''", "_jobform/status/a/b.json, ''",
            "_jobform/status/a.txt, ''", "_jobform/inventory.json, ''"})
    void jobsOfStatusKeys(String key, String job) {
        assertThat(JobStatus.jobOf(StateKeys.DEFAULT.statusPrefix(), key)).isEqualTo(job.isEmpty() ? Optional.empty() : Optional.of(job));
    }
}
