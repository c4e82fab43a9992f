package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiveStateTest {
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/jobform-a:";

    private static JobStatus status(boolean suspended) {
        return new JobStatus("a", "a.yaml", true, List.of(), true,
                List.of(new JobStatus.Resource("TaskDefinition/jobform-a", TD + "2", "https://console")),
                Optional.of(new ScheduleInfo("cron(0 5 * * ? *)", "0 5 * * *", "Europe/Berlin", Optional.empty(),
                        Optional.empty(), suspended)),
                Optional.empty());
    }

    private static LiveState live(String expression, String zone, String state, String revision) {
        return new LiveState(Optional.of(new LiveState.LiveSchedule(expression, zone, state)),
                Optional.ofNullable(revision).map(r -> TD + r));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("as applied", status(false), live("cron(0 5 * * ? *)", "Europe/Berlin", "ENABLED", "2"),
                        List.of()),
                Arguments.of("suspended as applied", status(true),
                        live("cron(0 5 * * ? *)", "Europe/Berlin", "DISABLED", "2"), List.of()),
                Arguments.of("disabled in the console", status(false),
                        live("cron(0 5 * * ? *)", "Europe/Berlin", "DISABLED", "2"),
                        List.of("Schedule: live DISABLED, desired ENABLED")),
                Arguments.of("expression and zone edited", status(false),
                        live("cron(0 9 * * ? *)", "UTC", "ENABLED", "2"),
                        List.of("Schedule: live cron(0 9 * * ? *) UTC, desired cron(0 5 * * ? *) Europe/Berlin")),
                Arguments.of("a revision registered by hand", status(false),
                        live("cron(0 5 * * ? *)", "Europe/Berlin", "ENABLED", "3"),
                        List.of("TaskDefinition: live jobform-a:3, applied jobform-a:2")),
                Arguments.of("schedule and revisions deleted", status(false), new LiveState(Optional.empty(),
                        Optional.empty()), List.of("Schedule: missing in AWS, desired",
                        "TaskDefinition: live none, applied jobform-a:2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesEveryDifferenceBetweenLiveAndApplied(String name, JobStatus status, LiveState live, List<String> drift) {
        assertThat(live.differences(status)).containsExactlyElementsOf(drift);
    }
}
