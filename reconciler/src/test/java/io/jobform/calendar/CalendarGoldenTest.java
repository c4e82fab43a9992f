package io.jobform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.GoldenFiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The peak computation against checked-in results (golden/calendar/CASE.json and .txt), plus the
 * facts each case is there for, asserted directly so a careless golden update cannot hide them.
 */
class CalendarGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"dst-spring-berlin", "dst-fall-newyork-aws-cron", "jitter-and-quota", "rate-window-suspend"})
    void matchesGolden(String name) throws Exception {
        CalendarCases c = CalendarCases.load(name);
        GoldenFiles.assertMatches("calendar/" + name + ".json", CalendarJson.render(c.calendar(), c.peaks())
                .toPrettyString() + "\n");
        GoldenFiles.assertMatches("calendar/" + name + ".txt", CalendarText.render(c.calendar(), c.peaks()));
    }

    @Test
    void springForwardSkipsTheMissingHourAndMarksTheDay() throws Exception {
        CalendarCases c = CalendarCases.load("dst-spring-berlin");
        // 02:30 does not exist in Berlin on 2026-03-29: Scheduler skips that run.
        assertThat(c.localStarts("berlin-0230")).containsExactly("2026-03-28T02:30", "2026-03-30T02:30");
        assertThat(c.localStarts("berlin-0300")).containsExactly("2026-03-28T03:00", "2026-03-29T03:00",
                "2026-03-30T03:00");
        // 01:00 UTC is 02:00 CET before the change and 03:00 CEST on and after it.
        assertThat(c.localStarts("utc-0100")).containsExactly("2026-03-28T02:00", "2026-03-29T03:00",
                "2026-03-30T03:00");
        assertThat(c.cell("2026-03-29", 2).clock()).isEqualTo(HourCell.Clock.SKIPPED);
        assertThat(c.cell("2026-03-29", 3).jobs()).containsOnlyKeys("berlin-0300", "utc-0100");
        assertThat(c.calendar().clockChanges()).containsOnlyKeys(java.time.LocalDate.parse("2026-03-29"));
        assertThat(c.calendar().window().minutes()).isEqualTo(3 * 1440 - 60);
    }

    @Test
    void fallBackRunsTheRepeatedTimeOnce() throws Exception {
        CalendarCases c = CalendarCases.load("dst-fall-newyork-aws-cron");
        // 01:30 happens twice in New York on 2026-11-01; Scheduler runs the first (EDT, 05:30 UTC).
        assertThat(c.localStarts("ny-0130")).containsExactly("2026-10-31T05:30", "2026-11-01T05:30",
                "2026-11-02T06:30");
        assertThat(c.localStarts("weekdays-0900")).containsExactly("2026-11-02T14:00");
        assertThat(c.peaks().top()).extracting(Peak::jobs).containsExactly(List.of("ny-0130", "utc-0530"),
                List.of("ny-0130", "utc-0530"));
        assertThat(c.calendar().clockChanges().values()).containsExactly(List.of("America/New_York -1h at 02:00"));
    }

    @Test
    void jitteredRunsAreNotCountedAsStartingAtOnceButHoldCapacity() throws Exception {
        CalendarCases c = CalendarCases.load("jitter-and-quota");
        Peak peak = c.peaks().top().get(0);
        assertThat(peak.starts()).isEqualTo(30);
        assertThat(peak.together()).isEqualTo(24);
        assertThat(c.peaks().onDemand().vcpu()).isEqualTo(24 * 0.5 + 6 * 1.0);
        assertThat(c.peaks().onDemand().memoryMiB()).isEqualTo(24 * 1024 + 6 * 2048);
        assertThat(c.peaks().warnings()).hasSize(2);
        PeakReport.Warning launch = c.peaks().warnings().get(0);
        assertThat(launch.message()).startsWith("24 runs start at 2026-06-01 02:00 +00:00 without a flexible window")
                .contains("jitterMinutes");
        assertThat(launch.jobs()).extracting(CalendarJob::name).allMatch(n -> n.startsWith("nightly-")).hasSize(24);
        assertThat(c.peaks().warnings().get(1).message()).startsWith("up to 18 vCPU and 36 GiB of on-demand Fargate")
                .contains("quota of 16");
    }

    @Test
    void ratesRespectStartEndAndSuspendAndForbidCountsOnce() throws Exception {
        CalendarCases c = CalendarCases.load("rate-window-suspend");
        assertThat(c.runs("paused").starts()).isEmpty();
        assertThat(c.localStarts("hourly-from-noon")).first().isEqualTo("2026-05-01T12:10");
        assertThat(c.localStarts("hourly-from-noon")).last().isEqualTo("2026-05-02T05:10");
        assertThat(c.localStarts("every-15m")).hasSize(2 * 24 * 4);
        // Allow: a 90-minute run every hour overlaps the next one; Forbid never holds two.
        assertThat(c.runs("hourly-from-noon").running(c.calendar().window().minuteOf(
                java.time.Instant.parse("2026-05-01T14:20:00Z")))).isEqualTo(2);
        assertThat(c.runs("hourly-forbid").running(c.calendar().window().minuteOf(
                java.time.Instant.parse("2026-05-01T14:20:00Z")))).isEqualTo(1);
        assertThat(c.peaks().spot().vcpu()).isEqualTo(0.5);
        assertThat(c.peaks().warnings()).isEmpty();
    }
}
