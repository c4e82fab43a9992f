package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiveSummaryTest {
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/jobform-a:";

    private static JobStatus status(boolean suspended) {
        return new JobStatus("a", "a.yaml", true, List.of(), true,
                List.of(new JobStatus.Resource("TaskDefinition/jobform-a", TD + "2", "https://console")),
                Optional.of(new ScheduleInfo("cron(0 5 * * ? *)", "0 5 * * *", "Europe/Berlin", Optional.empty(),
                        Optional.empty(), suspended)),
                Optional.empty());
    }

    private static LiveSummary live(String state, boolean edited, String revision) {
        return new LiveSummary(Optional.ofNullable(state), edited, Optional.ofNullable(revision).map(r -> TD + r));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("as applied", status(false), live("ENABLED", false, "2"), List.of()),
                Arguments.of("suspended as applied", status(true), live("DISABLED", false, "2"), List.of()),
                Arguments.of("disabled in the console", status(false), live("DISABLED", true, "2"),
                        List.of("Schedule: live DISABLED, desired ENABLED",
                                "Schedule: modified in AWS after jobform applied it")),
                Arguments.of("expression edited (only the modified time tells)", status(false),
                        live("ENABLED", true, "2"), List.of("Schedule: modified in AWS after jobform applied it")),
                Arguments.of("a revision registered by hand", status(false), live("ENABLED", false, "3"),
                        List.of("TaskDefinition: live jobform-a:3, applied jobform-a:2")),
                Arguments.of("schedule and revisions deleted", status(false), live(null, false, null),
                        List.of("Schedule: missing in AWS, desired", "TaskDefinition: live none, applied jobform-a:2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesEveryDifferenceBetweenListedAndApplied(String name, JobStatus status, LiveSummary live,
            List<String> drift) {
        assertThat(live.differences(status)).containsExactlyElementsOf(drift);
    }
}
