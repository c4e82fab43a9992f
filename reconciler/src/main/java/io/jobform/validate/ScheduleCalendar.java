package io.jobform.validate;

import com.cronutils.model.time.ExecutionTime;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule fires, as EventBridge Scheduler evaluates it (Scheduler User Guide, "Schedule
 * types", daylight saving time: https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html):
 * cron fields are matched against the wall clock of the schedule's time zone; a
 * time skipped by a spring-forward does not fire; a time repeated by a fall-back fires once (the
 * first occurrence). A rate fires every fixed duration (a day is 24 hours) from its start date,
 * or from {@code from} when it has none. Start and end dates bound both.
 */
public final class ScheduleCalendar {

    private static final int MAX_STEPS = 100_000;

    private ScheduleCalendar() {}

    /** The next {@code count} fire times strictly after {@code from}, in the schedule's zone. */
    public static List<ZonedDateTime> next(Schedule schedule, Instant from, int count) {
        Instant start = schedule.startDate().filter(s -> s.isAfter(from)).map(s -> s.minusSeconds(1)).orElse(from);
        if (schedule.expression() instanceof ScheduleExpression.Cron cron) {
            return cronTimes(cron, schedule, start, count);
        }
        return rateTimes((ScheduleExpression.Rate) schedule.expression(), schedule, from, count);
    }

    /**
     * Every fire time in {@code [from, to)}, in the schedule's zone: {@link #next} repeated, so the
     * calendar and the next-runs preview agree. A rate without start date counts from {@code from}.
     */
    public static List<ZonedDateTime> between(Schedule schedule, Instant from, Instant to) {
        List<ZonedDateTime> times = new ArrayList<>();
        Instant cursor = from.minusSeconds(1);
        Schedule anchored = schedule.expression() instanceof ScheduleExpression.Rate && schedule.startDate().isEmpty()
                ? new Schedule(schedule.expression(), schedule.timezone(), schedule.jitterMinutes(),
                        Optional.of(from), schedule.endDate())
                : schedule;
        // Finding each cron time is slow (cron-utils searches field by field): ask for about as
        // many as the shortest spacing of the expression allows in the range, more if needed.
        Duration spacing = schedule.expression() instanceof ScheduleExpression.Cron cron
                ? CronSpacing.shortest(cron.awsFields()) : ((ScheduleExpression.Rate) schedule.expression()).interval();
        long expected = Duration.between(from, to).toSeconds() / Math.max(60, spacing.toSeconds()) + 2;
        for (int size = (int) Math.min(expected, MAX_BATCH); ; size = Math.min(size * 2, MAX_BATCH)) {
            List<ZonedDateTime> batch = next(anchored, cursor, size);
            for (ZonedDateTime t : batch) {
                if (!t.toInstant().isBefore(to)) {
                    return List.copyOf(times);
                }
                times.add(t);
            }
            if (batch.size() < size) {
                return List.copyOf(times);
            }
            cursor = batch.get(batch.size() - 1).toInstant();
        }
    }

    private static final int MAX_BATCH = 1024;

    /** The parsed form of a cron schedule, for callers that evaluate one expression many times. */
    static ExecutionTime executionTime(ScheduleExpression.Cron cron) {
        return ExecutionTime.forCron(AwsCron.parse(cron.awsFields()));
    }

    private static List<ZonedDateTime> cronTimes(ScheduleExpression.Cron cron, Schedule schedule, Instant from,
            int count) {
        ExecutionTime execution = executionTime(cron);
        ZoneId zone = schedule.timezone();
        // Match on the local wall clock (modelled as UTC, which has no transitions), then place
        // each local time in the zone ourselves so DST follows Scheduler's rules.
        ZonedDateTime cursor = LocalDateTime.ofInstant(from, zone).atZone(ZoneOffset.UTC);
        List<ZonedDateTime> times = new ArrayList<>();
        for (int steps = 0; times.size() < count && steps < MAX_STEPS; steps++) {
            Optional<ZonedDateTime> next = execution.nextExecution(cursor);
            if (next.isEmpty()) {
                break;
            }
            cursor = next.get();
            LocalDateTime local = cursor.toLocalDateTime();
            Optional<ZonedDateTime> placed = place(local, zone);
            if (placed.isEmpty() || !placed.get().toInstant().isAfter(from)) {
                continue;
            }
            if (schedule.endDate().filter(end -> placed.get().toInstant().isAfter(end)).isPresent()) {
                break;
            }
            times.add(placed.get());
        }
        return List.copyOf(times);
    }

    /** Empty inside a spring-forward gap; the earlier offset inside a fall-back overlap. */
    static Optional<ZonedDateTime> place(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return Optional.of(local.atZone(zone));
        }
        if (transition.isGap()) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(local, zone, transition.getOffsetBefore()));
    }

    private static List<ZonedDateTime> rateTimes(ScheduleExpression.Rate rate, Schedule schedule, Instant from,
            int count) {
        Duration every = rate.interval();
        Instant anchor = schedule.startDate().orElse(from);
        Instant next = anchor;
        if (!next.isAfter(from)) {
            long periods = Duration.between(anchor, from).toSeconds() / every.toSeconds() + 1;
            next = anchor.plus(every.multipliedBy(periods));
        }
        List<ZonedDateTime> times = new ArrayList<>();
        Instant end = schedule.endDate().orElse(Instant.MAX);
        for (; times.size() < count && !next.isAfter(end); next = next.plus(every)) {
            times.add(next.atZone(schedule.timezone()));
        }
        return List.copyOf(times);
    }
}
