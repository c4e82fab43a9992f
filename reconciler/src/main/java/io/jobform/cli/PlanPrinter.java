package io.jobform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.plan.Change;
import io.jobform.plan.FieldDiff;
import io.jobform.plan.Plan;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.ResourceKind;
import io.jobform.validate.ScheduleCalendar;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints a plan as text, as Markdown for a pull-request comment, or as JSON. */
final class PlanPrinter {
    enum Format { text, markdown, json }

    private PlanPrinter() {}

    static String print(ReconcileResult result, Format format, String source, String target, Instant now) {
        return switch (format) {
            case json -> json(result, now);
            case markdown -> markdown(result, source, target, now);
            default -> text(result, source, target, now);
        };
    }

    static String text(ReconcileResult result, String source, String target, Instant now) {
        StringBuilder out = new StringBuilder();
        Plan plan = result.plan().orElseThrow();
        out.append("jobform plan: ").append(source).append(" -> ").append(target).append('\n');
        out.append(result.manifests()).append(" manifest(s), ").append(result.fetched()).append(" read\n\n");
        body(result, now, out, false);
        out.append('\n').append(summary(plan)).append('\n');
        return out.toString();
    }

    static String markdown(ReconcileResult result, String source, String target, Instant now) {
        StringBuilder out = new StringBuilder();
        Plan plan = result.plan().orElseThrow();
        out.append("### jobform plan\n\n`").append(source).append("` → ").append(target).append("\n\n");
        out.append("**").append(summary(plan)).append("**\n\n");
        out.append("```diff\n");
        body(result, now, out, true);
        out.append("```\n");
        return out.toString();
    }

    /**
     * The changes; with {@code problems} also the guards and violations, which the Markdown
     * comment carries while text leaves them to stderr ({@link ProblemLines}).
     */
    private static void body(ReconcileResult result, Instant now, StringBuilder out, boolean problems) {
        Plan plan = result.plan().orElseThrow();
        for (Change c : plan.changes()) {
            if (c.action() == Change.Action.KEEP) {
                continue;
            }
            out.append(c.action().symbol()).append(' ').append(c.id()).append(": ").append(describe(c)).append('\n');
            if (c instanceof Change.Update u) {
                for (FieldDiff d : u.diffs()) {
                    out.append("      ").append(d.path()).append(" = ").append(d.newValue()).append('\n');
                }
            }
        }
        long unchanged = plan.counts().get(Change.Action.KEEP);
        if (unchanged > 0) {
            out.append("  (").append(unchanged).append(" resource(s) unchanged)\n");
        }
        List<String> runs = nextRuns(result, now);
        if (!runs.isEmpty()) {
            out.append("\nnext runs of new or changed schedules:\n");
            runs.forEach(r -> out.append("  ").append(r).append('\n'));
        }
        if (!problems) {
            return;
        }
        plan.guards().forEach(g -> out.append("\n! ").append(g).append('\n'));
        List<Violation> violations = result.validation().map(v -> v.violations()).orElse(List.of());
        List<Violation> renderViolations = result.render().map(r -> r.violations()).orElse(List.of());
        if (!violations.isEmpty() || !renderViolations.isEmpty()) {
            out.append('\n');
            violations.forEach(v -> out.append(v.format()).append('\n'));
            renderViolations.forEach(v -> out.append(v.format()).append('\n'));
        }
    }

    private static String describe(Change c) {
        if (c instanceof Change.Create) {
            return "create";
        } else if (c instanceof Change.Update u) {
            String from = u.observed().specHash().orElse("unknown");
            String to = u.desired().specHash();
            String what = u.id().kind() == ResourceKind.TASK_DEFINITION ? "register a new revision" : "update";
            return what + " (spec-hash " + from + " -> " + to + ")";
        } else if (c instanceof Change.Delete) {
            return "delete (manifest gone)";
        } else if (c instanceof Change.Orphan) {
            return "orphan: ownership tags removed, resource kept (jobform.io/prune: \"false\")";
        } else if (c instanceof Change.RetireRevisions r) {
            return "deregister and delete " + r.revisionArns().size() + " old revision(s)";
        } else if (c instanceof Change.Skip s) {
            return s.reason();
        }
        return c.action().word();
    }

    static String summary(Plan plan) {
        Map<Change.Action, Integer> n = plan.counts();
        return "Plan: " + n.get(Change.Action.CREATE) + " to create, " + n.get(Change.Action.UPDATE) + " to update, "
                + n.get(Change.Action.DELETE) + " to delete, " + n.get(Change.Action.ORPHAN) + " to orphan, "
                + n.get(Change.Action.KEEP) + " unchanged, " + n.get(Change.Action.SKIP) + " held back.";
    }

    /** A new or changed schedule's next five fire times in its zone; none when suspended. */
    record NextRuns(String resource, String job, String timezone, boolean suspended, List<String> times) {
        String line() {
            return suspended ? resource + ": suspended" : resource + " (" + timezone + "): " + String.join(", ", times);
        }
    }

    /** The next five fire times of every schedule the plan creates or changes, in the schedule's zone. */
    static List<String> nextRuns(ReconcileResult result, Instant now) {
        return schedules(result, now).stream().map(NextRuns::line).toList();
    }

    static List<NextRuns> schedules(ReconcileResult result, Instant now) {
        List<NextRuns> out = new ArrayList<>();
        List<ScheduledJob> jobs = result.validation().map(v -> v.jobs()).orElse(List.of());
        for (Change c : result.plan().orElseThrow().changes()) {
            if (c.id().kind() != ResourceKind.SCHEDULE || !(c instanceof Change.Create || c instanceof Change.Update)) {
                continue;
            }
            Optional<ScheduledJob> job = jobs.stream().filter(j -> c.job().equals(Optional.of(j.name()))).findFirst();
            job.flatMap(j -> j.spec().schedule().map(s -> Map.entry(j, s))).ifPresent(e -> {
                boolean suspended = e.getKey().spec().suspend();
                List<String> times = suspended ? List.of() : ScheduleCalendar.next(e.getValue(), now, 5).stream()
                        .map(ZonedDateTime::toOffsetDateTime).map(Object::toString).toList();
                out.add(new NextRuns(c.id().toString(), e.getKey().name(), e.getValue().timezone().getId(), suspended, times));
            });
        }
        return out;
    }

    static String json(ReconcileResult result, Instant now) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        Plan plan = result.plan().orElseThrow();
        ObjectNode counts = root.putObject("counts");
        plan.counts().forEach((a, n) -> counts.put(a.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("resource", c.id().toString());
            node.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
            c.job().ifPresent(j -> node.put("job", j));
            node.put("detail", describe(c));
            if (c instanceof Change.Update u) {
                ArrayNode fields = node.putArray("fields");
                u.diffs().forEach(d -> fields.addObject().put("path", d.path()).put("value", d.newValue()));
            }
        }
        ArrayNode guards = root.putArray("guards");
        plan.guards().forEach(guards::add);
        ArrayNode runs = root.putArray("nextRuns");
        schedules(result, now).forEach(n -> {
            ObjectNode node = runs.addObject().put("resource", n.resource()).put("job", n.job())
                    .put("timezone", n.timezone()).put("suspended", n.suspended());
            n.times().forEach(node.putArray("times")::add);
        });
        ArrayNode violations = root.putArray("violations");
        result.validation().ifPresent(v -> v.violations().forEach(x -> violation(violations.addObject(), x)));
        result.render().ifPresent(r -> r.violations().forEach(x -> violation(violations.addObject(), x)));
        return root.toPrettyString() + "\n";
    }

    /** The same fields as the compiler-style line, each its own member, and the line itself. */
    private static void violation(ObjectNode node, Violation v) {
        node.put("severity", v.severity().label()).put("file", v.position().file()).put("line", v.position().line())
                .put("column", v.position().column()).put("subject", v.subject()).put("field", v.field())
                .put("message", v.message()).put("text", v.format());
    }
}
