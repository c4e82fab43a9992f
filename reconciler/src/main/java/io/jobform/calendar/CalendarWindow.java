package io.jobform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a calendar shows: {@code days} whole days from midnight of {@code first} in {@code zone}.
 * Work is indexed by minute since the start, so a 23- or 25-hour day needs no special case.
 */
public record CalendarWindow(LocalDate first, int days, ZoneId zone) {

    public static final int MAX_DAYS = 62;

    public CalendarWindow {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be 1.." + MAX_DAYS + ", not " + days);
        }
    }

    public Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return first.plusDays(days).atStartOfDay(zone).toInstant();
    }

    public int minutes() {
        return (int) Duration.between(start(), end()).toMinutes();
    }

    /** Minutes since the start, negative before it; seconds are dropped. */
    public int minuteOf(Instant t) {
        return (int) Math.floorDiv(t.getEpochSecond() - start().getEpochSecond(), 60);
    }

    public Instant instantOf(int minute) {
        return start().plusSeconds(60L * minute);
    }

    public ZonedDateTime localOf(int minute) {
        return instantOf(minute).atZone(zone);
    }

    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dates.add(first.plusDays(d));
        }
        return dates;
    }

    /** Clock changes of {@code zone} inside the window: the days the calendar marks. */
    public List<ZoneOffsetTransition> transitions(ZoneId of) {
        List<ZoneOffsetTransition> found = new ArrayList<>();
        ZoneOffsetTransition t = of.getRules().nextTransition(start().minusSeconds(1));
        while (t != null && t.getInstant().isBefore(end())) {
            found.add(t);
            t = of.getRules().nextTransition(t.getInstant());
        }
        return found;
    }
}
