package io.jobform.validate;

import com.cronutils.model.time.ExecutionTime;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Warnings a human should look at: a schedule that never fires again, runs more often than
 * every 5 minutes (judged from the expression, {@link CronSpacing}), and cron times that a daylight-saving change in the job's time zone skips
 * or repeats in the coming year.
 */
final class ScheduleWarnings {

    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);

    private ScheduleWarnings() {}

    static void check(Schedule schedule, Instant now, Findings findings) {
        String pointer = schedule.expression() instanceof ScheduleExpression.Cron ? "/spec/schedule/cron"
                : "/spec/schedule/rate";
        if (ScheduleCalendar.next(schedule, now, 1).isEmpty()) {
            findings.warning(pointer, "the schedule has no run after " + now + " (past year or end date?)");
            return;
        }
        Duration shortest = schedule.expression() instanceof ScheduleExpression.Cron cron
                ? CronSpacing.shortest(cron.awsFields()) : ((ScheduleExpression.Rate) schedule.expression()).interval();
        if (shortest.compareTo(MIN_INTERVAL) < 0) {
            findings.warning(pointer, "fires every " + shortest.toMinutes() + " minute(s), more often than every "
                    + MIN_INTERVAL.toMinutes() + " minutes: runs may overlap and each run costs a task start");
        }
        if (schedule.expression() instanceof ScheduleExpression.Cron cron && !hourly(cron)) {
            daylightSaving(cron, schedule, now, findings);
        }
    }

    /**
     * A startDate that has passed is a window that already started. EventBridge Scheduler rejects
     * a StartDate more than 5 minutes in the past on CreateSchedule and UpdateSchedule (its
     * ValidationException "The StartDate you specify cannot be earlier than 5 minutes ago"), so
     * such a date is not rendered at all; the schedule then runs from now on, as it would have.
     */
    static Schedule withoutPastStart(Schedule schedule, Instant now, Findings findings) {
        if (schedule.startDate().isEmpty() || schedule.startDate().get().isAfter(now)) {
            return schedule;
        }
        findings.note("/spec/schedule/startDate", "startDate " + schedule.startDate().get() + " has passed: the window "
                + "already started, so no StartDate is sent to EventBridge Scheduler (it rejects one more than 5 minutes "
                + "in the past); a cron schedule runs as before, a rate counts from the next create or update");
        return new Schedule(schedule.expression(), schedule.timezone(), schedule.jitterMinutes(), Optional.empty(),
                schedule.endDate());
    }

    /** A job firing every hour loses or repeats one run by design; only fixed hours are worth a warning. */
    private static boolean hourly(ScheduleExpression.Cron cron) {
        String hours = cron.awsFields().split(" ")[1];
        return hours.equals("*") || hours.contains("/");
    }

    private static void daylightSaving(ScheduleExpression.Cron cron, Schedule schedule, Instant now,
            Findings findings) {
        ExecutionTime execution = ScheduleCalendar.executionTime(cron);
        ZoneRules rules = schedule.timezone().getRules();
        Instant horizon = now.plus(Duration.ofDays(366));
        ZoneOffsetTransition t = rules.nextTransition(now);
        boolean gapWarned = false;
        boolean overlapWarned = false;
        while (t != null && t.getInstant().isBefore(horizon)) {
            LocalDateTime from = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
            LocalDateTime to = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
            // The cron matches wall-clock times: evaluate it on a zone without transitions.
            Optional<LocalDateTime> hit = execution.nextExecution(from.minusSeconds(1).atZone(ZoneOffset.UTC))
                    .map(ZonedDateTime::toLocalDateTime).filter(local -> local.isBefore(to));
            if (hit.isPresent() && t.isGap() && !gapWarned) {
                findings.warning("/spec/schedule/cron", hit.get() + " does not exist in "
                        + schedule.timezone() + " (clocks move forward): that run is skipped");
                gapWarned = true;
            } else if (hit.isPresent() && !t.isGap() && !overlapWarned) {
                findings.warning("/spec/schedule/cron", hit.get() + " happens twice in "
                        + schedule.timezone() + " (clocks move back): the job runs only once");
                overlapWarned = true;
            }
            t = rules.nextTransition(t.getInstant());
        }
    }
}
