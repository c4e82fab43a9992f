package io.jobform.emulator.scheduler;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three expression forms of EventBridge Scheduler ("Schedule types on EventBridge
 * Scheduler", scheduler/latest/UserGuide/schedule-types.html): at(yyyy-mm-ddThh:mm:ss),
 * rate(value unit) with unit minute(s)|hour(s)|day(s), and six-field cron(minutes hours
 * day-of-month month day-of-week year) where exactly one of day-of-month and day-of-week is "?".
 */
final class ScheduleExpressions {
    private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)$");
    private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");

    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";

    /** One cron field: allowed numeric range, names and extra special characters. */
    private record Field(String name, int min, int max, String names, String extra) {}

    private static final List<Field> FIELDS = List.of(
            new Field("minutes", 0, 59, "", ""),
            new Field("hours", 0, 23, "", ""),
            new Field("day-of-month", 1, 31, "", "?LW"),
            new Field("month", 1, 12, MONTHS, ""),
            new Field("day-of-week", 1, 7, DAYS, "?L#"),
            new Field("year", 1970, 2199, "", ""));

    private ScheduleExpressions() {}

    static void validate(String expression) {
        if (!valid(expression)) {
            throw SchedulerErrors.validation("Invalid Schedule Expression " + expression);
        }
    }

    /** One-time schedules ignore StartDate and EndDate (CreateScheduleInput documentation). */
    static boolean oneTime(String expression) {
        return expression.startsWith("at(");
    }

    static boolean valid(String expression) {
        Matcher at = AT.matcher(expression);
        if (at.matches()) {
            try {
                LocalDateTime.parse(at.group(1));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            return rate.group(1).length() < 10 && Long.parseLong(rate.group(1)) >= 1;
        }
        Matcher cron = CRON.matcher(expression);
        return cron.matches() && validCron(cron.group(1).trim().split("\\s+"));
    }

    private static boolean validCron(String[] parts) {
        if (parts.length != 6) {
            return false;
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!validField(parts[i], FIELDS.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validField(String text, Field field) {
        if (text.equals("*") || (text.equals("?") && field.extra().contains("?"))) {
            return true;
        }
        for (String item : text.split(",", -1)) {
            if (!validItem(item, field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validItem(String item, Field field) {
        if (item.isEmpty()) {
            return false;
        }
        String extra = field.extra();
        if (extra.contains("L") && item.equals("L")) {
            return true;
        }
        if (field.name().equals("day-of-month") && (item.equals("LW") || item.matches("\\d{1,2}W"))) {
            return item.equals("LW") || inRange(item.substring(0, item.length() - 1), field);
        }
        if (field.name().equals("day-of-week")) {
            if (item.matches("[^#]+#[1-5]")) {
                return value(item.substring(0, item.indexOf('#')), field);
            }
            if (item.endsWith("L") && item.length() > 1) {
                return value(item.substring(0, item.length() - 1), field);
            }
        }
        String[] step = item.split("/", -1);
        if (step.length > 2) {
            return false;
        }
        if (step.length == 2 && (!step[1].matches("\\d{1,4}") || Integer.parseInt(step[1]) < 1)) {
            return false;
        }
        String base = step[0];
        if (base.equals("*")) {
            return true;
        }
        String[] range = base.split("-", -1);
        if (range.length == 2) {
            return value(range[0], field) && value(range[1], field);
        }
        return range.length == 1 && value(base, field);
    }

    private static boolean value(String text, Field field) {
        if (!field.names().isEmpty() && text.matches("(?i)" + field.names())) {
            return true;
        }
        return inRange(text, field);
    }

    private static boolean inRange(String text, Field field) {
        if (!text.matches("\\d{1,4}")) {
            return false;
        }
        int v = Integer.parseInt(text);
        return v >= field.min() && v <= field.max();
    }
}
