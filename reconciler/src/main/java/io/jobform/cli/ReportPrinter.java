package io.jobform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.validate.ScheduleCalendar;
import io.jobform.validate.ValidationReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders a ValidationReport as compiler-style text, JSON, or GitHub workflow annotations. */
final class ReportPrinter {

    static final int SHOWN_RUNS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEE xxx '('VV')'");

    private ReportPrinter() {}

    /** The schedules and the summary; the violations are the caller's, for stderr ({@link #violations}). */
    static void text(ValidationReport report, int files, boolean showSchedule, Instant now, PrintWriter out) {
        if (showSchedule) {
            for (ScheduledJob job : report.jobs()) {
                out.println(job.ref() + ": " + job.spec().schedule().map(s -> s.expression().awsExpression()
                        + " in " + s.timezone()).orElse("on demand (no schedule)")
                        + (job.spec().suspend() ? " (suspended)" : ""));
                nextRuns(job, now).forEach(t -> out.println("  " + TIME.format(t)));
            }
        }
        out.println(summary(report, files));
    }

    /** The human lines of what is wrong, compiler-style, one per violation. */
    static void violations(ValidationReport report, PrintWriter err) {
        report.violations().forEach(v -> err.println(v.format()));
        err.flush();
    }

    static void github(ValidationReport report, int files, PrintWriter out) {
        for (Violation v : report.violations()) {
            out.println("::" + v.severity().githubCommand() + " file=" + escapeProperty(v.position().file())
                    + ",line=" + v.position().line() + ",col=" + v.position().column()
                    + ",title=" + escapeProperty(v.field().isEmpty() ? "jobform" : v.field())
                    + "::" + escapeData(v.message()));
        }
        out.println(summary(report, files));
    }

    static String json(ValidationReport report, int files, boolean showSchedule, Instant now) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("valid", report.valid());
        root.put("files", files);
        root.put("errors", report.errorCount());
        root.put("warnings", report.warningCount());
        ArrayNode jobs = root.putArray("jobs");
        for (ScheduledJob job : report.jobs()) {
            ObjectNode j = jobs.addObject();
            j.put("name", job.name());
            j.put("manifest", job.manifestKey());
            job.spec().schedule().ifPresent(s -> j.put("schedule", s.expression().awsExpression())
                    .put("timezone", s.timezone().getId()));
            if (showSchedule) {
                ArrayNode runs = j.putArray("nextRuns");
                nextRuns(job, now).forEach(t -> runs.add(t.toOffsetDateTime().toString()));
            }
        }
        ArrayNode invalid = root.putArray("invalidJobs");
        report.invalidJobNames().stream().sorted().forEach(invalid::add);
        ArrayNode violations = root.putArray("violations");
        for (Violation v : report.violations()) {
            violations.addObject().put("severity", v.severity().label()).put("file", v.position().file())
                    .put("line", v.position().line()).put("column", v.position().column())
                    .put("subject", v.subject()).put("field", v.field()).put("message", v.message());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ZonedDateTime> nextRuns(ScheduledJob job, Instant now) {
        return job.spec().schedule().filter(s -> !job.spec().suspend())
                .map(s -> ScheduleCalendar.next(s, now, SHOWN_RUNS)).orElse(List.of());
    }

    static String summary(ValidationReport report, int files) {
        return (report.valid() ? "valid: " : "invalid: ") + files + " file(s), " + report.jobs().size()
                + " valid job(s), " + report.invalidJobNames().size() + " invalid job(s), " + report.errorCount()
                + " error(s), " + report.warningCount() + " warning(s)";
    }

    /** GitHub workflow command escaping (actions/toolkit, command.ts). */
    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
