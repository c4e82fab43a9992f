package io.jobform.calendar;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The part of the heat-map that zooms in: the busiest hours minute by minute, with jitter windows. */
final class MinuteStrips {

    private static final int BUSIEST_HOURS = 3;
    private static final int MAX_SPANS = 12;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE MM-dd HH:00 xxx", java.util.Locale.ROOT);

    private MinuteStrips() {}

    /**
     * The busiest hours (most starts, then most vCPU, then earliest), one row of 60 minutes each,
     * jitter windows as bars underneath. A repeated hour shows its first occurrence.
     */
    static int draw(StringBuilder out, int y, Calendar calendar, List<HourCell> cells) {
        CalendarWindow w = calendar.window();
        List<Integer> hours = cells.stream().filter(c -> c.starts() > 0 && c.clock() != HourCell.Clock.SKIPPED)
                .sorted(java.util.Comparator.comparingInt((HourCell c) -> -c.starts())
                        .thenComparingDouble(c -> -c.vcpu()).thenComparing(HourCell::date).thenComparingInt(HourCell::hour))
                .limit(BUSIEST_HOURS)
                .map(c -> w.minuteOf(c.date().atTime(c.hour(), 0).atZone(w.zone()).toInstant())).toList();
        if (hours.isEmpty()) {
            return y;
        }
        y += 22;
        CalendarSvg.text(out, 8, y, "section", "Busiest hours by minute (bars: jitter windows, where Scheduler may start the run)");
        y += 6;
        int[] starts = calendar.startsPerMinute(true);
        for (int hourStart : hours) {
            y += 8;
            CalendarSvg.text(out, 8, y + 14, "day", HOUR.format(w.localOf(hourStart)));
            int max = 0;
            for (int m = 0; m < 60 && hourStart + m < starts.length; m++) {
                max = Math.max(max, starts[hourStart + m]);
            }
            for (int m = 0; m < 60 && hourStart + m < starts.length; m++) {
                int minute = hourStart + m;
                List<String> names = calendar.startingAt(minute).stream().map(CalendarJob::name).toList();
                String tip = PeakReport.MINUTE.format(w.localOf(minute)) + ": " + starts[minute] + " start(s)"
                        + (names.isEmpty() ? "" : "\n" + String.join("\n", names));
                out.append("<g class=\"minute\" data-starts=\"").append(starts[minute]).append("\"><title>")
                        .append(Xml.escape(tip)).append("</title><rect x=\"").append(CalendarSvg.LABEL + m * CalendarSvg.MINUTE_W)
                        .append("\" y=\"").append(y).append("\" width=\"").append(CalendarSvg.MINUTE_W - 1).append("\" height=\"")
                        .append(CalendarSvg.CELL_H - 2).append("\" fill=\"").append(HeatScale.colour(starts[minute], max))
                        .append("\"/></g>\n");
            }
            y += CalendarSvg.CELL_H;
            y = spans(out, y, calendar, hourStart);
        }
        return y;
    }

    private static int spans(StringBuilder out, int y, Calendar calendar, int hourStart) {
        List<String> bars = new ArrayList<>();
        for (JobRuns r : calendar.runs()) {
            int jitter = (int) r.job().jitter().toMinutes();
            if (jitter == 0) {
                continue;
            }
            for (int s : r.starts()) {
                if (s >= hourStart && s < hourStart + 60) {
                    int from = s - hourStart;
                    int to = Math.min(60, from + jitter);
                    bars.add("<g class=\"jitter\"><title>" + Xml.escape(r.job().name() + ": starts between "
                            + PeakReport.MINUTE.format(calendar.window().localOf(s)).substring(11, 16) + " and "
                            + jitter + " minute(s) later (jitterMinutes: " + jitter + ")") + "</title><rect x=\""
                            + (CalendarSvg.LABEL + from * CalendarSvg.MINUTE_W) + "\" y=\"%d\" width=\"" + Math.max(2, (to - from) * CalendarSvg.MINUTE_W - 1)
                            + "\" height=\"4\" rx=\"2\" fill=\"#3a6ea5\"/></g>\n");
                }
            }
        }
        for (String bar : bars.subList(0, Math.min(bars.size(), MAX_SPANS))) {
            y += 2;
            out.append(String.format(bar, y));
            y += 4;
        }
        if (bars.size() > MAX_SPANS) {
            CalendarSvg.text(out, CalendarSvg.LABEL, y + 11, "axis", "and " + (bars.size() - MAX_SPANS) + " more jitter window(s)");
            y += 14;
        }
        return y;
    }
}
