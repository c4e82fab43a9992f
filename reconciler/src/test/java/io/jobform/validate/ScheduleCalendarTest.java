package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleCalendarTest {

    static Schedule cron(String manifestCron, String zone) {
        String aws = ((CronTranslator.Translation.Ok) CronTranslator.translate(manifestCron)).awsFields();
        return new Schedule(new ScheduleExpression.Cron(manifestCron, aws), ZoneId.of(zone), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static Schedule rate(String text, Optional<Instant> start, Optional<Instant> end) {
        return new Schedule(RateParser.parse(text).orElseThrow(), ZoneId.of("UTC"), Optional.empty(), start, end);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("daily at 02:00 Berlin in winter", cron("0 2 * * *", "Europe/Berlin"),
                        "2026-01-10T12:00:00Z", List.of("2026-01-11T02:00+01:00[Europe/Berlin]",
                                "2026-01-12T02:00+01:00[Europe/Berlin]")),
                Arguments.of("02:30 Berlin is skipped on the spring-forward day", cron("30 2 * * *", "Europe/Berlin"),
                        "2026-03-28T12:00:00Z", List.of("2026-03-30T02:30+02:00[Europe/Berlin]",
                                "2026-03-31T02:30+02:00[Europe/Berlin]")),
                Arguments.of("02:30 Berlin runs once on the fall-back day", cron("30 2 * * *", "Europe/Berlin"),
                        "2026-10-24T12:00:00Z", List.of("2026-10-25T02:30+02:00[Europe/Berlin]",
                                "2026-10-26T02:30+01:00[Europe/Berlin]")),
                Arguments.of("hourly across the New York spring-forward", cron("0 * * * *", "America/New_York"),
                        "2026-03-08T05:30:00Z", List.of("2026-03-08T01:00-05:00[America/New_York]",
                                "2026-03-08T03:00-04:00[America/New_York]", "2026-03-08T04:00-04:00[America/New_York]")),
                Arguments.of("weekdays 1-5 are Monday to Friday", cron("0 9 * * 1-5", "UTC"),
                        "2026-06-05T10:00:00Z", List.of("2026-06-08T09:00Z[UTC]", "2026-06-09T09:00Z[UTC]")),
                Arguments.of("Unix 0 is Sunday", cron("0 0 * * 0", "UTC"),
                        "2026-06-01T00:00:00Z", List.of("2026-06-07T00:00Z[UTC]", "2026-06-14T00:00Z[UTC]")),
                Arguments.of("AWS 6#3 is the third Friday", cron("0 10 ? * 6#3 *", "UTC"),
                        "2026-06-01T00:00:00Z", List.of("2026-06-19T10:00Z[UTC]", "2026-07-17T10:00Z[UTC]")),
                Arguments.of("AWS L is the last day of the month", cron("0 8 L * ? *", "UTC"),
                        "2026-02-01T00:00:00Z", List.of("2026-02-28T08:00Z[UTC]", "2026-03-31T08:00Z[UTC]")),
                Arguments.of("strictly after from", cron("0 2 * * *", "UTC"),
                        "2026-06-01T02:00:00Z", List.of("2026-06-02T02:00Z[UTC]")),
                Arguments.of("rate anchored at its start date", rate("90m", Optional.of(Instant.parse("2026-06-01T00:00:00Z")),
                        Optional.empty()), "2026-06-01T02:00:00Z", List.of("2026-06-01T03:00Z[UTC]", "2026-06-01T04:30Z[UTC]")),
                Arguments.of("rate before its start date", rate("1d", Optional.of(Instant.parse("2026-07-01T06:00:00Z")),
                        Optional.empty()), "2026-06-01T00:00:00Z", List.of("2026-07-01T06:00Z[UTC]", "2026-07-02T06:00Z[UTC]")),
                Arguments.of("rate stops at its end date", rate("1h", Optional.of(Instant.parse("2026-06-01T00:00:00Z")),
                        Optional.of(Instant.parse("2026-06-01T02:00:00Z"))), "2026-06-01T00:30:00Z",
                        List.of("2026-06-01T01:00Z[UTC]", "2026-06-01T02:00Z[UTC]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nextFireTimes(String title, Schedule schedule, String from, List<String> expected) {
        List<ZonedDateTime> times = ScheduleCalendar.next(schedule, Instant.parse(from), expected.size() + 5);
        assertThat(times.stream().limit(expected.size()).map(ZonedDateTime::toString).toList()).isEqualTo(expected);
    }
}
