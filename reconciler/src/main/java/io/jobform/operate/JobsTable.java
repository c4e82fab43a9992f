package io.jobform.operate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** {@code jobform get jobs}: one row per job, as text or JSON. */
public final class JobsTable {
    private JobsTable() {}

    public static String text(List<JobOperations.JobRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return "No jobs: no status objects yet (run jobform apply first).\n";
        }
        TextTable table = new TextTable(List.of("NAME", "SCHEDULE", "SUSPENDED", "STATE", "REVISION", "LAST RUN",
                "RESULT", "NEXT RUN", "SYNCED"));
        for (JobOperations.JobRow r : rows) {
            JobStatus s = r.status();
            table.row(List.of(
                    s.name(),
                    s.schedule().map(ScheduleInfo::display).orElse(s.valid() ? "on demand" : "-"),
                    s.schedule().map(sch -> sch.suspended() ? "yes" : "no").orElse("-"),
                    r.live().scheduleState().orElse("-"),
                    r.live().taskDefinition().map(JobsTable::revisionNumber).orElse("-"),
                    r.lastRun().map(e -> Durations.relative(e.startDate(), now)).orElse("never"),
                    r.lastRun().map(Execution::status).orElse("-"),
                    r.nextRun().map(t -> Durations.relative(t.toInstant(), now)).orElse("-"),
                    !s.valid() ? "invalid" : r.synced() ? "yes" : "no"));
        }
        return table.render();
    }

    public static ObjectNode json(List<JobOperations.JobRow> rows, Instant now) {
        ObjectNode out = ExecutionJson.JSON.createObjectNode();
        ArrayNode jobs = out.putArray("jobs");
        for (JobOperations.JobRow r : rows) {
            JobStatus s = r.status();
            ObjectNode j = jobs.addObject();
            j.put("name", s.name());
            s.schedule().ifPresentOrElse(sch -> {
                j.put("schedule", sch.expression());
                j.put("timezone", sch.timezone());
                j.put("suspended", sch.suspended());
            }, () -> {
                j.putNull("schedule");
                j.putNull("timezone");
                j.put("suspended", false);
            });
            r.lastRun().ifPresentOrElse(e -> j.set("lastRun", ExecutionJson.of(e, now)), () -> j.putNull("lastRun"));
            r.lastRun().ifPresentOrElse(e -> j.put("result", e.status()), () -> j.putNull("result"));
            r.nextRun().ifPresentOrElse(t -> j.put("nextRun", t.toOffsetDateTime().toString()), () -> j.putNull("nextRun"));
            j.put("valid", s.valid());
            j.put("synced", r.synced());
            ObjectNode live = j.putObject("live");
            r.live().scheduleState().ifPresentOrElse(st -> live.put("scheduleState", st),
                    () -> live.putNull("scheduleState"));
            r.live().taskDefinition().ifPresentOrElse(td -> live.put("taskDefinition", td),
                    () -> live.putNull("taskDefinition"));
            r.live().differences(s).forEach(live.putArray("drift")::add);
        }
        return out;
    }

    /** The revision number of a task definition ARN ({@code …:task-definition/family:7} is 7). */
    static String revisionNumber(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
