package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronSpacingTest {

    @ParameterizedTest(name = "{0} -> {1} min")
    @CsvSource(delimiter = '|', textBlock = """
            0 2 * * ? *              | 1440
            */2 * * * ? *            | 2
            0/15 * * * ? *           | 15
            5/20 9-17 ? * MON-FRI *  | 20
            0,2 9 * * ? *            | 2
            58 23,0 * * ? *          | 60
            58,2 23,0 * * ? *        | 4
            30 */6 * * ? *           | 360
            1-4 8 ? * 2 *            | 1
            59 23 L * ? *            | 1440
            0,30 0 1 1 ? 2030        | 30
            """)
    void shortestGap(String fields, long minutes) {
        assertThat(CronSpacing.shortest(fields)).isEqualTo(Duration.ofMinutes(minutes));
    }

    /** For expressions firing every day, the answer equals the shortest gap in two weeks of real runs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            */7 * * * ? *
            3,4,50 1,13 * * ? *
            10-20/3 */5 * * ? *
            0 0/8 * * ? *
            45 23 * * ? *
            1 0-1,22-23 * * ? *
            """)
    void agreesWithTheCalendar(String fields) {
        Schedule schedule = new Schedule(new ScheduleExpression.Cron(fields, fields), ZoneOffset.UTC, Optional.empty(),
                Optional.empty(), Optional.empty());
        List<ZonedDateTime> runs = ScheduleCalendar.next(schedule, Instant.parse("2026-03-01T00:00:00Z"), 2000);
        Duration walked = Duration.ofDays(2);
        for (int i = 1; i < runs.size(); i++) {
            Duration gap = Duration.between(runs.get(i - 1), runs.get(i));
            walked = gap.compareTo(walked) < 0 ? gap : walked;
        }
        assertThat(CronSpacing.shortest(fields)).isEqualTo(walked);
    }
}
