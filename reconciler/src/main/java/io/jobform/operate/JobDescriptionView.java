package io.jobform.operate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZonedDateTime;

/** {@code jobform describe job NAME}, as text or JSON. */
public final class JobDescriptionView {
    private JobDescriptionView() {}

    public static String text(JobOperations.Description d, Instant now) {
        JobStatus s = d.status();
        StringBuilder out = new StringBuilder();
        out.append("Name:            ").append(JobOperations.subject(s.name())).append('\n');
        out.append("Manifest:        ").append(s.manifest().isEmpty() ? "-" : s.manifest()).append('\n');
        out.append("Valid:           ").append(s.valid() ? "yes" : "no").append('\n');
        out.append("Synced:          ").append(d.synced() ? "yes" : "no").append('\n');
        d.live().differences(s).forEach(diff -> out.append("  drift:         ").append(diff).append('\n'));
        out.append("Schedule:        ").append(s.schedule().map(sch -> sch.display()
                + (sch.source().isEmpty() || sch.source().equals(sch.expression()) ? "" : " (" + sch.source() + ")")
                + (sch.suspended() ? ", suspended" : "")).orElse("on demand")).append('\n');
        out.append("Live schedule:   ").append(d.live().schedule().map(l -> l.expression() + " " + l.timezone()
                + ", " + l.state()).orElse("none")).append('\n');
        out.append("Live revision:   ").append(d.live().taskDefinition().map(LiveState::revision).orElse("none"))
                .append('\n');
        out.append("Last reconciled: ").append(s.lastReconciled().map(Durations::utc).orElse("-")).append('\n');
        out.append("Last error:      ").append(s.errors().isEmpty() ? "none" : s.errors().get(0)).append('\n');
        s.errors().stream().skip(1).forEach(e -> out.append("                 ").append(e).append('\n'));
        out.append("\nResources:\n");
        if (s.resources().isEmpty()) {
            out.append("  none deployed\n");
        }
        for (JobStatus.Resource r : s.resources()) {
            out.append("  ").append(r.id()).append('\n');
            out.append("    arn:     ").append(r.arn()).append('\n');
            out.append("    console: ").append(r.console()).append('\n');
        }
        out.append("\nNext runs:\n");
        if (d.nextRuns().isEmpty()) {
            out.append("  none").append(s.schedule().filter(ScheduleInfo::suspended).isPresent() ? " (suspended)" : "")
                    .append('\n');
        }
        d.nextRuns().forEach(t -> out.append("  ").append(t.toOffsetDateTime()).append("  (")
                .append(Durations.relative(t.toInstant(), now)).append(")\n"));
        out.append("\nLast runs:\n");
        out.append(d.runs().isEmpty() ? "  none\n" : indent(HistoryTable.text(d.runs(), now)));
        return out.toString();
    }

    public static ObjectNode json(JobOperations.Description d, Instant now) {
        JobStatus s = d.status();
        ObjectNode out = ExecutionJson.JSON.createObjectNode();
        out.put("name", s.name());
        out.put("manifest", s.manifest());
        out.put("valid", s.valid());
        out.put("synced", d.synced());
        ObjectNode live = out.putObject("live");
        d.live().schedule().ifPresentOrElse(l -> live.putObject("schedule").put("expression", l.expression())
                .put("timezone", l.timezone()).put("state", l.state()), () -> live.putNull("schedule"));
        d.live().taskDefinition().ifPresentOrElse(arn -> live.put("taskDefinition", arn),
                () -> live.putNull("taskDefinition"));
        ArrayNode drift = live.putArray("drift");
        d.live().differences(s).forEach(drift::add);
        s.lastReconciled().ifPresentOrElse(t -> out.put("lastReconciled", t.toString()), () -> out.putNull("lastReconciled"));
        ArrayNode errors = out.putArray("errors");
        s.errors().forEach(errors::add);
        s.schedule().ifPresentOrElse(sch -> {
            ObjectNode j = out.putObject("schedule");
            j.put("expression", sch.expression());
            j.put("source", sch.source());
            j.put("timezone", sch.timezone());
            j.put("suspended", sch.suspended());
        }, () -> out.putNull("schedule"));
        ArrayNode resources = out.putArray("resources");
        s.resources().forEach(r -> resources.addObject().put("id", r.id()).put("arn", r.arn()).put("console", r.console()));
        ArrayNode next = out.putArray("nextRuns");
        d.nextRuns().stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).forEach(next::add);
        ArrayNode runs = out.putArray("runs");
        d.runs().forEach(e -> runs.add(ExecutionJson.of(e, now)));
        return out;
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }

}
