package io.jobform.operate;

import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import io.jobform.validate.ScheduleCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's schedule as its status object records it ({@code schedule} member written by the
 * reconciler): the Scheduler expression, the manifest's form, the time zone and window.
 */
public record ScheduleInfo(String expression, String source, String timezone, Optional<Instant> startDate,
        Optional<Instant> endDate, boolean suspended) {

    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|hour|day)s?\\)");

    /** {@code cron(0 2 * * ? *) Europe/Berlin}: what a table shows. */
    public String display() {
        return expression + " " + timezone;
    }

    /** The next fire times after {@code from} as Scheduler computes them; none when suspended or unreadable. */
    public List<ZonedDateTime> next(Instant from, int count) {
        return next(from, count, Optional.empty());
    }

    /**
     * @param rateAnchor when a rate without start date began counting: Scheduler counts from the
     *                   schedule's creation, which the status object does not record, so callers
     *                   pass the last reconcile; the times are then approximate for rates
     */
    public List<ZonedDateTime> next(Instant from, int count, Optional<Instant> rateAnchor) {
        if (suspended) {
            return List.of();
        }
        return schedule(rateAnchor).map(s -> ScheduleCalendar.next(s, from, count)).orElse(List.of());
    }

    Optional<Schedule> schedule(Optional<Instant> rateAnchor) {
        Optional<ScheduleExpression> parsed = parse(expression, source);
        try {
            ZoneId zone = ZoneId.of(timezone);
            return parsed.map(e -> new Schedule(e, zone, Optional.empty(),
                    e instanceof ScheduleExpression.Rate ? startDate.or(() -> rateAnchor) : startDate, endDate));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<ScheduleExpression> parse(String aws, String source) {
        Matcher cron = CRON.matcher(aws.strip());
        if (cron.matches()) {
            return Optional.of(new ScheduleExpression.Cron(source, cron.group(1).strip()));
        }
        Matcher rate = RATE.matcher(aws.strip());
        if (rate.matches()) {
            ScheduleExpression.RateUnit unit = switch (rate.group(2)) {
                case "minute" -> ScheduleExpression.RateUnit.MINUTES;
                case "hour" -> ScheduleExpression.RateUnit.HOURS;
                default -> ScheduleExpression.RateUnit.DAYS;
            };
            return Optional.of(new ScheduleExpression.Rate(source, Integer.parseInt(rate.group(1)), unit));
        }
        return Optional.empty();
    }
}
