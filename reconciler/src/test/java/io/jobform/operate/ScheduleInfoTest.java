package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Next fire times from the schedule a status object records. */
class ScheduleInfoTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        cron(0 5 * * ? *)       | Europe/Berlin    | 2026-11-23T10:00:00Z | 2026-11-24T05:00+01:00[Europe/Berlin],2026-11-25T05:00+01:00[Europe/Berlin]
        cron(0 6 ? * MON-FRI *) | America/New_York | 2026-11-27T12:00:00Z | 2026-11-30T06:00-05:00[America/New_York],2026-12-01T06:00-05:00[America/New_York]
        rate(5 minutes)         | UTC              | 2026-11-23T10:00:00Z | 2026-11-23T10:05Z[UTC],2026-11-23T10:10Z[UTC]
        rate(1 hour)            | UTC              | 2026-11-23T10:00:00Z | 2026-11-23T11:00Z[UTC],2026-11-23T12:00Z[UTC]
        at(2026-01-01T00:00:00) | UTC              | 2026-11-23T10:00:00Z |
        cron(0 5 * * ? *)       | Mars/Olympus     | 2026-11-23T10:00:00Z |
        """)
    void nextFireTimes(String expression, String zone, String from, String expected) {
        ScheduleInfo info = new ScheduleInfo(expression, "", zone, Optional.empty(), Optional.empty(), false);
        List<String> times = info.next(Instant.parse(from), 2).stream().map(ZonedDateTime::toString).toList();
        assertThat(times).isEqualTo(expected == null ? List.of() : List.of(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource({"cron(0 5 * * ? *)"})
    void suspendedSchedulesHaveNoNextRun(String expression) {
        ScheduleInfo info = new ScheduleInfo(expression, "", "UTC", Optional.empty(), Optional.empty(), true);
        assertThat(info.next(Instant.parse("2026-11-23T10:00:00Z"), 5)).isEmpty();
        assertThat(info.display()).isEqualTo("cron(0 5 * * ? *) UTC");
    }

    @ParameterizedTest
    @CsvSource({"rate(5 minutes), 2026-11-23T09:58:00Z, 2026-11-23T10:03Z[UTC]",
            "cron(0 5 * * ? *), 2026-11-23T09:58:00Z, 2026-11-24T05:00Z[UTC]"})
    void ratesCountFromTheAnchorCronsIgnoreIt(String expression, String anchor, String first) {
        ScheduleInfo info = new ScheduleInfo(expression, "", "UTC", Optional.empty(), Optional.empty(), false);
        assertThat(info.next(Instant.parse("2026-11-23T10:00:00Z"), 1, Optional.of(Instant.parse(anchor))).get(0))
                .hasToString(first);
    }
}
