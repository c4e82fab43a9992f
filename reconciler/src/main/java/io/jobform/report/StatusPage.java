package io.jobform.report;

import io.jobform.calendar.Calendar;
import io.jobform.calendar.CalendarHtml;
import io.jobform.calendar.PeakReport;
import io.jobform.calendar.Xml;
import io.jobform.operate.ConsoleUrls;
import io.jobform.operate.Durations;
import io.jobform.operate.Execution;
import io.jobform.operate.JobOperations;
import io.jobform.operate.JobStatus;
import io.jobform.operate.ScheduleInfo;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code jobform report -o html}: one self-contained page (inline CSS and SVG, no script, no
 * network) with every job's validation state, last result, next runs, errors and console links,
 * followed by the calendar of the manifests.
 */
public final class StatusPage {

    /** One job as the page shows it: its status row and its next fire times. */
    public record Entry(JobOperations.JobRow row, List<ZonedDateTime> nextRuns) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final String STYLE = """
            tr.frozen td{background:#fff0f0}.ok{color:#1a7f37}.bad{color:#b30000;font-weight:bold}
            ul.plain{margin:0;padding-left:16px}td.when{white-space:nowrap;font-size:12px}
            """;

    private StatusPage() {}

    public static String html(String instance, List<Entry> entries, Calendar calendar, PeakReport peaks, Instant now) {
        long frozen = entries.stream().filter(e -> !e.row().status().valid()).count();
        long failed = entries.stream().filter(e -> e.row().lastRun().map(x -> failed(x.status())).orElse(false)).count();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>jobform report: " + Xml.escape(instance) + "</title>\n<style>" + CalendarHtml.STYLE + STYLE
                + "</style></head>\n<body>\n<h1>jobform report: " + Xml.escape(instance) + "</h1>\n");
        out.append("<p>").append(entries.size()).append(" job(s), <span class=\"").append(frozen > 0 ? "bad" : "ok")
                .append("\">").append(frozen).append(" invalid (frozen)</span>, <span class=\"")
                .append(failed > 0 ? "bad" : "ok").append("\">").append(failed).append(" whose last run failed</span>. ")
                .append("Generated ").append(Xml.escape(Durations.utc(now))).append(".</p>\n");
        out.append("<h2>Jobs</h2>\n<table class=\"status\"><tr><th>Job</th><th>Manifest</th><th>Valid</th>"
                + "<th>Synced</th><th>Schedule</th><th>Last run</th><th>Next runs</th><th>Errors</th><th>Console</th></tr>\n");
        for (Entry e : entries) {
            row(out, e, now);
        }
        out.append("</table>\n<h2>When jobs start</h2>\n");
        if (frozen > 0) {
            out.append("<p class=\"muted\">Frozen jobs keep running on their last applied schedule; their manifests are "
                    + "invalid, so the calendar leaves them out.</p>\n");
        }
        out.append(CalendarHtml.section(calendar, peaks));
        return out.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder out, Entry e, Instant now) {
        JobStatus s = e.row().status();
        out.append("<tr class=\"job").append(s.valid() ? "" : " frozen").append("\" id=\"job-").append(Xml.escape(s.name()))
                .append("\"><td>").append(Xml.escape(s.name())).append("</td><td>").append(Xml.escape(s.manifest()))
                .append("</td><td>").append(s.valid() ? "<span class=\"ok\">valid</span>" : "<span class=\"bad\">invalid"
                        + " (frozen)</span>").append("</td><td>").append(e.row().synced() ? "yes" : "no").append("</td><td>")
                .append(s.schedule().map(StatusPage::schedule).orElse(s.valid() ? "on demand" : "-")).append("</td><td>");
        e.row().lastRun().ifPresentOrElse(x -> out.append("<a href=\"").append(Xml.escape(ConsoleUrls.execution(x.arn())))
                .append("\" class=\"").append(failed(x.status()) ? "bad" : "ok").append("\">").append(Xml.escape(x.status()))
                .append("</a> ").append(Xml.escape(Durations.relative(x.startDate(), now))), () -> out.append("never"));
        out.append("</td><td class=\"when\">");
        list(out, e.nextRuns().stream().map(TIME::format).toList(), "-");
        out.append("</td><td>");
        if (s.errors().isEmpty()) {
            out.append("-");
        } else {
            out.append("<ul class=\"plain error\">");
            s.errors().forEach(x -> out.append("<li>").append(Xml.escape(x)).append("</li>"));
            out.append("</ul>");
        }
        out.append("</td><td>");
        if (s.resources().isEmpty()) {
            out.append("-");
        } else {
            out.append("<ul class=\"plain\">");
            for (JobStatus.Resource r : s.resources()) {
                out.append("<li>").append(r.console().isEmpty() ? Xml.escape(r.kind())
                        : "<a href=\"" + Xml.escape(r.console()) + "\">" + Xml.escape(r.kind()) + "</a>").append("</li>");
            }
            out.append("</ul>");
        }
        out.append("</td></tr>\n");
    }

    private static String schedule(ScheduleInfo s) {
        return "<code>" + Xml.escape(s.display()) + "</code>" + (s.suspended() ? " (suspended)" : "");
    }

    private static void list(StringBuilder out, List<String> items, String none) {
        if (items.isEmpty()) {
            out.append(none);
            return;
        }
        out.append("<ul class=\"plain\">");
        items.forEach(i -> out.append("<li>").append(Xml.escape(i)).append("</li>"));
        out.append("</ul>");
    }

    private static boolean failed(String status) {
        return List.of("FAILED", "TIMED_OUT", "ABORTED").contains(status);
    }
}
