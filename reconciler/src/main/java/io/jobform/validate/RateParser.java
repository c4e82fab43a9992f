package io.jobform.validate;

import io.jobform.manifest.ScheduleExpression;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a manifest rate ({@code 15m}, {@code 2h}, {@code 1d}) within 1 minute .. 365 days. */
final class RateParser {

    private static final Pattern RATE = Pattern.compile("^([0-9]{1,6})([mhd])$");
    private static final long MAX_MINUTES = 365L * 24 * 60;

    private RateParser() {}

    /** The rate, or empty when {@link #problem} has something to say. */
    static Optional<ScheduleExpression.Rate> parse(String text) {
        return problem(text).isPresent() ? Optional.empty() : Optional.of(build(text));
    }

    static Optional<String> problem(String text) {
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            return Optional.of("rate '" + text + "' must be <n>m, <n>h or <n>d, e.g. 15m, 2h, 1d");
        }
        int value = Integer.parseInt(m.group(1));
        long minutes = value * switch (m.group(2)) {
            case "m" -> 1L;
            case "h" -> 60L;
            default -> 1440L;
        };
        if (value < 1 || minutes > MAX_MINUTES) {
            return Optional.of("rate '" + text + "' is outside 1m..365d");
        }
        return Optional.empty();
    }

    private static ScheduleExpression.Rate build(String text) {
        int value = Integer.parseInt(text.substring(0, text.length() - 1));
        ScheduleExpression.RateUnit unit = switch (text.charAt(text.length() - 1)) {
            case 'm' -> ScheduleExpression.RateUnit.MINUTES;
            case 'h' -> ScheduleExpression.RateUnit.HOURS;
            default -> ScheduleExpression.RateUnit.DAYS;
        };
        return new ScheduleExpression.Rate(text, value, unit);
    }
}
