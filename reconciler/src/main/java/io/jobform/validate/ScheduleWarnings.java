package io.jobform.validate;

import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * Warnings a human should look at: a schedule that never fires again, runs more often than
 * every 5 minutes, and cron times that a daylight-saving change in the job's time zone skips
 * or repeats in the coming year.
 */
final class ScheduleWarnings {

    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);

    private ScheduleWarnings() {}

    static void check(Schedule schedule, Instant now, Findings findings) {
        String pointer = schedule.expression() instanceof ScheduleExpression.Cron ? "/spec/schedule/cron"
                : "/spec/schedule/rate";
        List<ZonedDateTime> times = ScheduleCalendar.next(schedule, now, 30);
        if (times.isEmpty()) {
            findings.warning(pointer, "the schedule has no run after " + now + " (past year or end date?)");
            return;
        }
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(MIN_INTERVAL) < 0) {
                findings.warning(pointer, "fires every " + gap.toMinutes() + " minute(s), more often than every "
                        + MIN_INTERVAL.toMinutes() + " minutes: runs may overlap and each run costs a task start");
                break;
            }
        }
        if (schedule.expression() instanceof ScheduleExpression.Cron cron && !hourly(cron)) {
            daylightSaving(cron, schedule, now, findings);
        }
    }

    /** A job firing every hour loses or repeats one run by design; only fixed hours are worth a warning. */
    private static boolean hourly(ScheduleExpression.Cron cron) {
        String hours = cron.awsFields().split(" ")[1];
        return hours.equals("*") || hours.contains("/");
    }

    private static void daylightSaving(ScheduleExpression.Cron cron, Schedule schedule, Instant now,
            Findings findings) {
        ZoneRules rules = schedule.timezone().getRules();
        Instant horizon = now.plus(Duration.ofDays(366));
        ZoneOffsetTransition t = rules.nextTransition(now);
        boolean gapWarned = false;
        boolean overlapWarned = false;
        while (t != null && t.getInstant().isBefore(horizon)) {
            LocalDateTime from = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
            LocalDateTime to = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
            Schedule probe = new Schedule(cron, ZoneOffset.UTC, schedule.jitterMinutes(),
                    Optional.empty(), Optional.empty());
            List<ZonedDateTime> local = ScheduleCalendar.next(probe,
                    from.atZone(ZoneOffset.UTC).toInstant().minusSeconds(1), 1);
            boolean hit = !local.isEmpty() && local.get(0).toLocalDateTime().isBefore(to);
            if (hit && t.isGap() && !gapWarned) {
                findings.warning("/spec/schedule/cron", local.get(0).toLocalDateTime() + " does not exist in "
                        + schedule.timezone() + " (clocks move forward): that run is skipped");
                gapWarned = true;
            } else if (hit && !t.isGap() && !overlapWarned) {
                findings.warning("/spec/schedule/cron", local.get(0).toLocalDateTime() + " happens twice in "
                        + schedule.timezone() + " (clocks move back): the job runs only once");
                overlapWarned = true;
            }
            t = rules.nextTransition(t.getInstant());
        }
    }
}
