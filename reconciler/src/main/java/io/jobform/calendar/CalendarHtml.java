package io.jobform.calendar;

import java.util.List;

/**
 * {@code jobform calendar -o html}: one self-contained page (inline SVG and CSS, no script, no
 * network) with the heat-map, the peak table, the load and a legend of the jobs.
 */
public final class CalendarHtml {

    public static final String STYLE = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f6f6f6}.warning{background:#fff4e5;border-left:4px solid #e34a33;padding:6px 10px;margin:6px 0}
            .muted{color:#777}.num{text-align:right}.error{color:#b30000}
            svg.jobform-calendar g.cell:hover rect,svg.jobform-calendar g.minute:hover rect{stroke:#000;stroke-width:1}
            """;

    private CalendarHtml() {}

    public static String page(Calendar calendar, PeakReport peaks) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>jobform calendar</title>\n<style>"
                + STYLE + "</style></head>\n<body>\n<h1>jobform calendar</h1>\n" + section(calendar, peaks)
                + "</body></html>\n";
    }

    /** The calendar as a fragment: warnings, heat-map, peaks, load and the job legend. */
    public static String section(Calendar calendar, PeakReport peaks) {
        StringBuilder out = new StringBuilder("<section id=\"calendar\">\n");
        for (PeakReport.Warning w : peaks.warnings()) {
            out.append("<p class=\"warning\">warning: ").append(Xml.escape(w.message())).append("</p>\n");
        }
        out.append("<p class=\"muted\">Hover a cell for its jobs. Computed from the manifests with the same schedule "
                + "code as the next-runs preview; rates are counted from the start of the window.</p>\n");
        out.append(CalendarSvg.render(calendar));
        out.append("<h2>Busiest minutes</h2>\n");
        if (peaks.top().isEmpty()) {
            out.append("<p>No two runs start in the same minute.</p>\n");
        } else {
            out.append("<table class=\"peaks\"><tr><th>Minute</th><th>Starts</th><th>At once (no jitter)</th>"
                    + "<th>vCPU</th><th>Memory</th><th>Jobs</th></tr>\n");
            for (Peak p : peaks.top()) {
                out.append("<tr><td>").append(Xml.escape(PeakReport.MINUTE.format(p.at()))).append("</td><td class=\"num\">")
                        .append(p.starts()).append("</td><td class=\"num\">").append(p.together())
                        .append("</td><td class=\"num\">").append(PeakReport.vcpu(p.vcpu())).append("</td><td class=\"num\">")
                        .append(PeakReport.memory(p.memoryMiB())).append("</td><td>")
                        .append(Xml.escape(String.join(", ", p.jobs()))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("<h2>Fargate capacity held at once</h2>\n<table class=\"load\"><tr><th>Pool</th><th>vCPU</th>"
                + "<th>Memory</th><th>First reached</th><th>Quota</th><th>Jobs</th></tr>\n");
        for (Load l : List.of(peaks.onDemand(), peaks.spot())) {
            out.append("<tr><td>").append(l.pool()).append("</td><td class=\"num").append(l.exceedsQuota() ? " error" : "")
                    .append("\">").append(PeakReport.vcpu(l.vcpu())).append("</td><td class=\"num\">")
                    .append(PeakReport.memory(l.memoryMiB())).append("</td><td>")
                    .append(l.vcpu() > 0 ? Xml.escape(PeakReport.MINUTE.format(l.at())) : "-").append("</td><td class=\"num\">")
                    .append(PeakReport.vcpu(l.quota())).append("</td><td>").append(Xml.escape(String.join(", ", l.jobs())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<p class=\"muted\">A run counts from its scheduled start to the end of its jitter window "
                + "plus timeoutSeconds (its longest possible duration); a Forbid or Replace job counts once.</p>\n");
        legend(calendar, out);
        return out.append("</section>\n").toString();
    }

    private static void legend(Calendar calendar, StringBuilder out) {
        out.append("<h2>Jobs</h2>\n<table class=\"jobs\"><tr><th>Job</th><th>Schedule</th><th>Zone</th><th>Jitter</th>"
                + "<th>vCPU</th><th>Memory</th><th>Longest run</th><th>Capacity</th><th>Starts</th></tr>\n");
        for (JobRuns r : calendar.runs()) {
            CalendarJob j = r.job();
            out.append("<tr><td>").append(Xml.escape(j.name())).append("</td><td><code>")
                    .append(Xml.escape(j.schedule().expression().awsExpression())).append("</code></td><td>")
                    .append(Xml.escape(j.schedule().timezone().getId())).append("</td><td>")
                    .append(j.schedule().jitterMinutes().map(m -> m + " min").orElse("-")).append("</td><td class=\"num\">")
                    .append(PeakReport.vcpu(j.vcpu())).append("</td><td class=\"num\">").append(PeakReport.memory(j.memoryMiB()))
                    .append("</td><td class=\"num\">").append(j.longestRun().toSeconds()).append(" s</td><td>")
                    .append(j.capacity().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append("</td><td class=\"num\">")
                    .append(j.suspended() ? "suspended" : String.valueOf(r.startsWithin(calendar.window().minutes())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
