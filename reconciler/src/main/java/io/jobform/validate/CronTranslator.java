package io.jobform.validate;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Translates a manifest's cron (5-field Unix, 6-field AWS, or a macro) into the six AWS fields
 * EventBridge Scheduler accepts. Unix numbers Sunday 0 or 7, AWS numbers it 1; Unix ORs a
 * restricted day-of-month with a restricted day-of-week, which AWS cannot express.
 */
public final class CronTranslator {

    /** The result: either the AWS fields or why the cron is not usable. */
    public sealed interface Translation {
        record Ok(String awsFields) implements Translation {}

        record Invalid(String message) implements Translation {}
    }

    private static final Map<String, String> MACROS = Map.of(
            "@hourly", "0 * * * ? *",
            "@daily", "0 0 * * ? *",
            "@midnight", "0 0 * * ? *",
            "@weekly", "0 0 ? * 1 *",
            "@monthly", "0 0 1 * ? *",
            "@yearly", "0 0 1 1 ? *",
            "@annually", "0 0 1 1 ? *");

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronTranslator() {}

    public static Translation translate(String cron) {
        String text = cron.strip().replaceAll("\\s+", " ");
        if (text.startsWith("@")) {
            String aws = MACROS.get(text.toLowerCase(Locale.ROOT));
            return aws != null ? new Translation.Ok(aws) : new Translation.Invalid("unknown cron macro '" + text
                    + "'; use @hourly, @daily, @weekly, @monthly or @yearly");
        }
        String[] fields = text.isEmpty() ? new String[0] : text.split(" ");
        Translation translation = switch (fields.length) {
            case 5 -> fromUnix(text, fields);
            case 6 -> fromAws(text, fields);
            case 7 -> new Translation.Invalid("cron has 7 fields (Quartz with seconds?); use 5-field Unix "
                    + "(minute hour day-of-month month day-of-week) or 6-field AWS (... year)");
            default -> new Translation.Invalid("cron has " + fields.length + " fields; use 5-field Unix "
                    + "(minute hour day-of-month month day-of-week) or 6-field AWS (minutes hours day-of-month month "
                    + "day-of-week year)");
        };
        return translation instanceof Translation.Ok ok ? backwardsRange(text, ok) : translation;
    }

    private static final String[] FIELD_NAMES = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
    private static final int[] FIELD_FIRST = {0, 0, 1, 1, 1, 1970};
    private static final int[] FIELD_LAST = {59, 23, 31, 12, 7, 2199};
    private static final List<String> MONTH_NAMES = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /**
     * A range that wraps ({@code 22-2}) is not in Scheduler's documented cron syntax and cron-utils
     * reads it as its first value only, so the runs we would show could differ from what AWS does:
     * reject it and say how to write it.
     */
    private static Translation backwardsRange(String text, Translation.Ok ok) {
        String[] aws = ok.awsFields().split(" ");
        for (int i = 0; i < aws.length; i++) {
            for (String part : aws[i].split("[,/]")) {
                String[] ends = part.split("-");
                if (ends.length != 2) {
                    continue;
                }
                int from = fieldValue(i, ends[0]);
                int to = fieldValue(i, ends[1]);
                if (from < 0 || to < 0 || from <= to) {
                    continue;
                }
                boolean names = !ends[0].matches("\\d+");
                String hint = i == 5 ? "write the earlier year first"
                        : "write " + ends[0] + "-" + bound(i, FIELD_LAST[i], names) + "," + bound(i, FIELD_FIRST[i], names)
                                + "-" + ends[1];
                return new Translation.Invalid("cron '" + text + "': the range " + part + " in the " + FIELD_NAMES[i]
                        + " field runs backwards; " + hint);
            }
        }
        return ok;
    }

    /** A range end as a number (AWS numbering, SUN = 1), or -1 when it is neither a number nor a name. */
    private static int fieldValue(int field, String end) {
        if (end.matches("\\d+")) {
            return Integer.parseInt(end);
        }
        List<String> names = field == 3 ? MONTH_NAMES : field == 4 ? DAY_NAMES : List.of();
        int index = names.indexOf(end);
        return index < 0 ? -1 : index + 1;
    }

    private static String bound(int field, int value, boolean names) {
        if (names && (field == 3 || field == 4)) {
            return (field == 3 ? MONTH_NAMES : DAY_NAMES).get(value - 1);
        }
        return String.valueOf(value);
    }

    private static Translation fromUnix(String text, String[] f) {
        try {
            UNIX.parse(text);
        } catch (IllegalArgumentException e) {
            return new Translation.Invalid("invalid Unix cron '" + text + "': " + e.getMessage());
        }
        String dom = upper(f[2]);
        String dowText = upper(f[4]);
        TreeSet<Integer> days = unixDays(dowText);
        boolean domRestricted = !dom.equals("*");
        boolean dowRestricted = days.size() < 7;
        if (domRestricted && dowRestricted) {
            return new Translation.Invalid("Unix cron '" + text + "' restricts both day-of-month and day-of-week, "
                    + "which means either one matches; AWS cron cannot express that: restrict only one of them");
        }
        String awsDom = dowRestricted ? "?" : step(dom, "1");
        String awsDow = dowRestricted ? awsDays(days) : "?";
        return new Translation.Ok(String.join(" ", step(f[0], "0"), step(f[1], "0"), awsDom, step(upper(f[3]), "1"),
                awsDow, "*"));
    }

    private static Translation fromAws(String text, String[] f) {
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            return new Translation.Invalid("AWS cron '" + text + "': exactly one of day-of-month (field 3) and "
                    + "day-of-week (field 5) must be '?'");
        }
        try {
            AwsCron.parse(upper(text));
        } catch (IllegalArgumentException e) {
            return new Translation.Invalid("invalid AWS cron '" + text + "': " + e.getMessage());
        }
        String[] g = upper(text).split(" ");
        return new Translation.Ok(String.join(" ", step(g[0], "0"), step(g[1], "0"), step(g[2], "1"), step(g[3], "1"),
                g[4], g[5]));
    }

    /** AWS documents increments as {@code 0/15}; a leading {@code *} becomes the field's first value. */
    private static String step(String field, String first) {
        return field.startsWith("*/") ? first + field.substring(1) : field;
    }

    /** The Unix days (0 = Sunday .. 6) a day-of-week field selects; cron-utils validated the syntax. */
    private static TreeSet<Integer> unixDays(String field) {
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : field.split(",")) {
            String[] stepped = part.split("/");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            String range = stepped[0];
            int from;
            int to;
            if (range.equals("*")) {
                from = 0;
                to = 6;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-");
                from = day(bounds[0]);
                to = day(bounds[1]);
                to = to < from ? to + 7 : to; // 5-0 (Fri..Sun) and 0-7 both wrap onto Sunday
            } else {
                from = day(range);
                to = stepped.length > 1 ? 6 : from;
            }
            for (int d = from; d <= to; d += step) {
                days.add(d % 7);
            }
        }
        return days;
    }

    private static int day(String token) {
        int index = DAY_NAMES.indexOf(token);
        return index >= 0 ? index : Integer.parseInt(token);
    }

    /** Unix day d is AWS day d + 1; contiguous days become ranges (1-5 Unix is 2-6 AWS). */
    private static String awsDays(TreeSet<Integer> unixDays) {
        StringBuilder out = new StringBuilder();
        Integer runStart = null;
        Integer prev = null;
        for (int unix : unixDays) {
            int aws = unix + 1;
            if (prev != null && aws == prev + 1) {
                prev = aws;
                continue;
            }
            if (runStart != null) {
                append(out, runStart, prev);
            }
            runStart = aws;
            prev = aws;
        }
        append(out, runStart, prev);
        return out.toString();
    }

    private static void append(StringBuilder out, int from, int to) {
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(from == to ? String.valueOf(from) : to == from + 1 ? from + "," + to : from + "-" + to);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
