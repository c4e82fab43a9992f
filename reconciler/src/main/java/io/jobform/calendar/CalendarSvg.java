package io.jobform.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The heat-map as one SVG: run starts per day and hour, vCPU starting per day and hour, and the
 * busiest hours minute by minute with jitter windows drawn as spans. Each cell's {@code <title>}
 * (a hover tooltip in browsers) names its jobs. No script, no external reference.
 */
public final class CalendarSvg {

    static final int LABEL = 150;
    static final int CELL_W = 26;
    static final int CELL_H = 20;
    static final int MINUTE_W = 11;
    static final int WIDTH = LABEL + 60 * MINUTE_W + 20;
    private static final DateTimeFormatter ROW = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", java.util.Locale.ROOT);

    private CalendarSvg() {}

    public static String render(Calendar calendar) {
        StringBuilder body = new StringBuilder();
        int y = 24;
        text(body, 8, y, "title", "Run starts, " + calendar.window().zone() + ", " + calendar.window().days()
                + " day(s) from " + calendar.window().first());
        y += 14;
        List<HourCell> cells = calendar.cells();
        y = hourGrid(body, y, calendar, cells, "Run starts per hour", HourCell::starts, c -> String.valueOf(c.starts()));
        y = hourGrid(body, y, calendar, cells, "vCPU starting per hour", HourCell::vcpu,
                c -> PeakReport.vcpu(c.vcpu()));
        y = MinuteStrips.draw(body, y, calendar, cells);
        y = legend(body, y);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jobform-calendar\" width=\"" + WIDTH
                + "\" height=\"" + y + "\" viewBox=\"0 0 " + WIDTH + " " + y + "\" font-family=\"sans-serif\" "
                + "font-size=\"11\">\n<defs><pattern id=\"skipped\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + "<path d=\"M0,6 L6,0\" stroke=\"#999\" stroke-width=\"1\"/></pattern></defs>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body + "</svg>\n";
    }

    private static int hourGrid(StringBuilder out, int y, Calendar calendar, List<HourCell> cells, String title,
            ToDoubleFunction<HourCell> metric, java.util.function.Function<HourCell, String> label) {
        y += 18;
        text(out, 8, y, "section", title);
        y += 8;
        for (int h = 0; h < 24; h++) {
            text(out, LABEL + h * CELL_W + 6, y + 10, "axis", String.format("%02d", h));
        }
        y += 14;
        double max = cells.stream().mapToDouble(metric).max().orElse(0);
        Map<LocalDate, List<String>> changes = calendar.clockChanges();
        int row = 0;
        for (LocalDate date : calendar.window().dates()) {
            int top = y + row * CELL_H;
            text(out, 8, top + 14, "day", ROW.format(date));
            if (changes.containsKey(date)) {
                out.append("<g class=\"dst\"><title>").append(Xml.escape("Clock change: " + String.join("; ",
                        changes.get(date)))).append("</title><rect x=\"110\" y=\"").append(top + 3)
                        .append("\" width=\"32\" height=\"14\" rx=\"3\" fill=\"#3a6ea5\"/>");
                text(out, 114, top + 14, "dst-label", "DST");
                out.append("</g>\n");
            }
            for (int h = 0; h < 24; h++) {
                HourCell c = cells.get(row * 24 + h);
                cell(out, LABEL + h * CELL_W, top, CELL_W - 2, CELL_H - 2, c, metric.applyAsDouble(c), max,
                        label.apply(c), tooltip(c));
            }
            row++;
        }
        return y + row * CELL_H;
    }

    private static void cell(StringBuilder out, int x, int y, int w, int h, HourCell c, double value, double max,
            String label, String tip) {
        String fill = c.clock() == HourCell.Clock.SKIPPED ? "url(#skipped)" : HeatScale.colour(value, max);
        String stroke = c.clock() == HourCell.Clock.REPEATED ? " stroke=\"#3a6ea5\" stroke-width=\"2\"" : "";
        out.append("<g class=\"cell\" data-starts=\"").append(c.starts()).append("\"><title>").append(Xml.escape(tip))
                .append("</title><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"").append(fill).append('"').append(stroke).append("/>");
        if (value > 0) {
            out.append("<text x=\"").append(x + w / 2).append("\" y=\"").append(y + h - 5)
                    .append("\" text-anchor=\"middle\" font-size=\"9\" fill=\"").append(HeatScale.ink(value, max))
                    .append("\">").append(Xml.escape(label)).append("</text>");
        }
        out.append("</g>\n");
    }

    static String tooltip(HourCell c) {
        StringBuilder tip = new StringBuilder(ROW.format(c.date()) + String.format(" %02d:00-%02d:59: ", c.hour(), c.hour()));
        tip.append(c.starts()).append(" start(s), ").append(PeakReport.vcpu(c.vcpu())).append(" vCPU");
        if (c.clock() == HourCell.Clock.SKIPPED) {
            tip.append(" (this hour does not exist: clocks move forward)");
        } else if (c.clock() == HourCell.Clock.REPEATED) {
            tip.append(" (this hour happens twice: clocks move back)");
        }
        new java.util.TreeMap<>(c.jobs()).forEach((job, n) -> tip.append('\n').append(job).append(n > 1 ? " x" + n : ""));
        return tip.toString();
    }

    private static int legend(StringBuilder out, int y) {
        y += 22;
        text(out, 8, y + 12, "axis", "fewer");
        int x = 50;
        for (String colour : HeatScale.CLASSES) {
            out.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"24\" height=\"16\" fill=\"")
                    .append(colour).append("\"/>\n");
            x += 26;
        }
        text(out, x + 4, y + 12, "axis", "more (relative to the busiest cell of each grid)");
        y += 24;
        out.append("<rect x=\"8\" y=\"").append(y).append("\" width=\"24\" height=\"16\" fill=\"url(#skipped)\"/>\n");
        text(out, 38, y + 12, "axis", "hour skipped by a clock change");
        out.append("<rect x=\"240\" y=\"").append(y).append("\" width=\"24\" height=\"16\" fill=\"#f0f0f0\" "
                + "stroke=\"#3a6ea5\" stroke-width=\"2\"/>\n");
        text(out, 270, y + 12, "axis", "hour lived twice");
        out.append("<rect x=\"400\" y=\"").append(y).append("\" width=\"32\" height=\"14\" rx=\"3\" fill=\"#3a6ea5\"/>\n");
        text(out, 404, y + 11, "dst-label", "DST");
        text(out, 438, y + 12, "axis", "a zone in use changes its clocks that day");
        return y + 26;
    }

    static void text(StringBuilder out, int x, int y, String kind, String s) {
        String style = switch (kind) {
            case "title" -> " font-size=\"15\" font-weight=\"bold\"";
            case "section" -> " font-size=\"13\" font-weight=\"bold\"";
            case "dst-label" -> " fill=\"#fff\" font-size=\"10\" font-weight=\"bold\"";
            case "axis" -> " fill=\"#555\"";
            default -> "";
        };
        out.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"').append(style).append(" class=\"")
                .append(kind).append("\">").append(Xml.escape(s)).append("</text>\n");
    }
}
