package io.jobform.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code jobform calendar -o json}: the same facts as the picture, for scripts. */
public final class CalendarJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarJson() {}

    public static ObjectNode render(Calendar calendar, PeakReport peaks) {
        CalendarWindow w = calendar.window();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode window = root.putObject("window");
        window.put("from", w.first().toString()).put("days", w.days()).put("zone", w.zone().getId())
                .put("start", w.start().toString()).put("end", w.end().toString());
        ArrayNode jobs = root.putArray("jobs");
        for (JobRuns r : calendar.runs()) {
            CalendarJob j = r.job();
            ObjectNode node = jobs.addObject();
            node.put("name", j.name()).put("manifest", j.manifest())
                    .put("schedule", j.schedule().expression().awsExpression())
                    .put("timezone", j.schedule().timezone().getId())
                    .put("jitterMinutes", j.schedule().jitterMinutes().orElse(0)).put("suspended", j.suspended())
                    .put("vcpu", j.vcpu()).put("memoryMiB", j.memoryMiB())
                    .put("longestRunSeconds", j.longestRun().toSeconds())
                    .put("capacity", j.capacity().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .put("starts", r.startsWithin(w.minutes()));
        }
        ArrayNode cells = root.putArray("cells");
        for (HourCell c : calendar.cells()) {
            if (c.starts() == 0 && c.clock() == HourCell.Clock.NORMAL) {
                continue;
            }
            ObjectNode cell = cells.addObject();
            cell.put("date", c.date().toString()).put("hour", c.hour()).put("starts", c.starts()).put("vcpu", c.vcpu());
            if (c.clock() != HourCell.Clock.NORMAL) {
                cell.put("clock", c.clock().name().toLowerCase(java.util.Locale.ROOT));
            }
            ObjectNode names = cell.putObject("jobs");
            new java.util.TreeMap<>(c.jobs()).forEach(names::put);
        }
        ObjectNode changes = root.putObject("clockChanges");
        calendar.clockChanges().forEach((day, what) -> {
            ArrayNode list = changes.putArray(day.toString());
            what.forEach(list::add);
        });
        ArrayNode top = root.putArray("peaks");
        for (Peak p : peaks.top()) {
            ObjectNode node = top.addObject();
            node.put("at", p.at().toOffsetDateTime().toString()).put("starts", p.starts()).put("atOnce", p.together())
                    .put("vcpu", p.vcpu()).put("memoryMiB", p.memoryMiB());
            p.jobs().forEach(node.putArray("jobs")::add);
        }
        ObjectNode load = root.putObject("load");
        for (Load l : List.of(peaks.onDemand(), peaks.spot())) {
            ObjectNode node = load.putObject(l.pool().equals("Spot") ? "spot" : "onDemand");
            node.put("vcpu", l.vcpu()).put("memoryMiB", l.memoryMiB()).put("at", l.at().toOffsetDateTime().toString())
                    .put("quota", l.quota()).put("exceedsQuota", l.exceedsQuota());
            l.jobs().forEach(node.putArray("jobs")::add);
        }
        root.putObject("limits").put("fargateVcpuQuota", peaks.limits().vcpuQuota())
                .put("fargateSpotVcpuQuota", peaks.limits().spotVcpuQuota())
                .put("fargateLaunchRate", peaks.limits().launchRate());
        ArrayNode warnings = root.putArray("warnings");
        peaks.warnings().forEach(x -> warnings.add(x.message()));
        return root;
    }
}
