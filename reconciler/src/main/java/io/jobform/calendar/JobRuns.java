package io.jobform.calendar;

import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import io.jobform.validate.ScheduleCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One job's run starts as minutes since the window start, ascending. Starts before the window
 * are kept when their run may still be going at its start (negative minutes).
 */
public record JobRuns(CalendarJob job, int[] starts) {

    /**
     * The job's starts, taken from {@code scheduleStarts} (what {@link #starts(Schedule, CalendarWindow, int)}
     * computed for its schedule): none when suspended, and only as far back as its runs reach.
     */
    public static JobRuns of(CalendarJob job, int[] scheduleStarts) {
        if (job.suspended()) {
            return new JobRuns(job, new int[0]); // Scheduler keeps the schedule DISABLED
        }
        int reach = -runMinutes(job);
        return new JobRuns(job, Arrays.stream(scheduleStarts).filter(m -> m >= reach).toArray());
    }

    /**
     * A schedule's fire times from {@link ScheduleCalendar}, the code behind every next-runs
     * preview, as minutes of the window, from {@code lookback} minutes before its start.
     */
    public static int[] starts(Schedule schedule, CalendarWindow window, int lookback) {
        Instant from = window.start().minus(Duration.ofMinutes(lookback));
        if (schedule.expression() instanceof ScheduleExpression.Rate rate && schedule.startDate().isEmpty()) {
            // Scheduler counts a rate from the schedule's creation, which manifests do not record:
            // count from the window start, so the phase does not depend on the look-back.
            long periods = (lookback * 60L + rate.interval().toSeconds() - 1) / rate.interval().toSeconds();
            from = window.start().minus(rate.interval().multipliedBy(periods));
            schedule = new Schedule(rate, schedule.timezone(), schedule.jitterMinutes(), Optional.of(from),
                    schedule.endDate());
        }
        return ScheduleCalendar.between(schedule, from, window.end()).stream()
                .mapToInt(t -> window.minuteOf(t.toInstant())).toArray();
    }

    /** How long a run may occupy Fargate, in whole minutes: the jitter window plus the longest run. */
    public static int runMinutes(CalendarJob job) {
        long seconds = job.jitter().plus(job.longestRun()).toSeconds();
        return (int) Math.max(1, (seconds + 59) / 60);
    }

    public int runMinutes() {
        return runMinutes(job);
    }

    /** Starts inside {@code [0, minutes)}. */
    public int startsWithin(int minutes) {
        return (int) Arrays.stream(starts).filter(m -> m >= 0 && m < minutes).count();
    }

    /** Runs of this job that may be going in {@code minute}; at most one unless concurrencyPolicy is Allow. */
    public int running(int minute) {
        int last = lastStartAtOrBefore(minute);
        int count = 0;
        for (int i = last; i >= 0 && starts[i] + runMinutes() > minute; i--) {
            count++;
        }
        return job.overlapsItself() ? count : Math.min(count, 1);
    }

    private int lastStartAtOrBefore(int minute) {
        int i = Arrays.binarySearch(starts, minute);
        if (i >= 0) {
            while (i + 1 < starts.length && starts[i + 1] == minute) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobRuns r && r.job.equals(job) && Arrays.equals(r.starts, starts);
    }

    @Override
    public int hashCode() {
        return job.hashCode() * 31 + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return job.name() + Arrays.toString(starts);
    }
}
