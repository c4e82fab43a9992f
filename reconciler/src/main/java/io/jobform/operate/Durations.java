package io.jobform.operate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short human forms for tables: {@code 45s}, {@code 3m05s}, {@code 2h04m}, {@code 3d02h}; UTC timestamps. */
public final class Durations {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Durations() {}

    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** {@code 5m ago} / {@code in 2h04m}, relative to {@code now}. */
    public static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        return d.isNegative() ? format(d.negated()) + " ago" : "in " + format(d);
    }

    public static String utc(Instant when) {
        return UTC.format(when);
    }

    /**
     * Parses {@code --timeout}: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or ISO 8601
     * ({@code PT15M}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.matches("\\d+[smhd]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 90s, 15m, 2h or PT15M)");
        }
    }
}
