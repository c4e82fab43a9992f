package io.jobform.validate;

import java.time.Duration;
import java.util.BitSet;

/**
 * The shortest time between two runs of an AWS cron expression, from its minute and hour fields
 * alone: the runs of any matching day are every (hour, minute) pair, so the closest two are
 * adjacent within a day or the last of one day and the first of the next. Counting that
 * midnight wrap even when the day fields never match two days in a row keeps the answer
 * conservative. This replaces walking the calendar run by run, which cost a cron evaluation per
 * run for every job on every validation.
 */
final class CronSpacing {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private CronSpacing() {}

    /** @param awsFields a six-field AWS cron expression that {@link AwsCron#parse} accepted */
    static Duration shortest(String awsFields) {
        String[] fields = awsFields.strip().split("\\s+");
        BitSet minutes = values(fields[0], 0, 59);
        BitSet hours = values(fields[1], 0, 23);
        BitSet day = new BitSet(MINUTES_PER_DAY);
        hours.stream().forEach(h -> minutes.stream().forEach(m -> day.set(h * 60 + m)));
        if (day.isEmpty()) {
            return Duration.ofDays(1);
        }
        int first = day.nextSetBit(0);
        int last = day.previousSetBit(MINUTES_PER_DAY - 1);
        int shortest = MINUTES_PER_DAY - last + first;
        for (int at = first, next = day.nextSetBit(at + 1); next >= 0; at = next, next = day.nextSetBit(at + 1)) {
            shortest = Math.min(shortest, next - at);
        }
        return Duration.ofMinutes(shortest);
    }

    /** The values a minute or hour field selects: lists of {@code *}, {@code a}, {@code a-b}, each optionally {@code /step}. */
    static BitSet values(String field, int min, int max) {
        BitSet out = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            int step = slash < 0 ? 1 : Integer.parseInt(part.substring(slash + 1));
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(range);
                to = slash < 0 ? from : max; // "5/15" runs from 5 to the end of the range
            }
            for (int v = from; v <= to; v += step) { // backwards ranges were rejected (CronTranslator)
                out.set(v);
            }
        }
        return out;
    }
}
