package io.jobform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.Violation;
import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.plan.Rename;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.ResourceKind;
import java.time.Instant;
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
        body(result, now, true, out, false);
        out.append('\n').append(summary(plan)).append('\n');
        return out.toString();
    }

    static String markdown(ReconcileResult result, String source, String target, Instant now) {
        StringBuilder out = new StringBuilder();
        Plan plan = result.plan().orElseThrow();
        out.append("### jobform plan\n\n`").append(source).append("` → ").append(target).append("\n\n");
        out.append("**").append(summary(plan)).append("**\n\n");
        out.append("```diff\n");
        body(result, now, false, out, true);
        out.append("```\n");
        return out.toString();
    }

    /**
     * The changes; with {@code problems} also the guards and violations, which the Markdown
     * comment carries while text leaves them to stderr ({@link ProblemLines}).
     *
     * @param shorten shorten long field values (text); Markdown keeps them whole
     */
    private static void body(ReconcileResult result, Instant now, boolean shorten, StringBuilder out, boolean problems) {
        Plan plan = result.plan().orElseThrow();
        for (Rename r : plan.renames()) {
            out.append("+ ScheduledJob/").append(r.to()).append(" (renamed from ").append(r.from()).append(": ")
                    .append(r.evidence().words()).append(")\n");
            out.append("- ScheduledJob/").append(r.from()).append(" (renamed to ").append(r.to()).append(")\n");
        }
        for (Change c : plan.changes()) {
            if (c.action() == Change.Action.KEEP) {
                continue;
            }
            out.append(c.action().symbol()).append(' ').append(c.id()).append(": ").append(describe(c, plan))
                    .append('\n');
            if (c instanceof Change.Update u) {
                FieldLines.append(u, shorten, out);
            }
        }
        long unchanged = plan.counts().get(Change.Action.KEEP);
        if (unchanged > 0) {
            out.append("  (").append(unchanged).append(" resource(s) unchanged)\n");
        }
        List<PlanNextRuns.NextRuns> runs = PlanNextRuns.of(result, now);
        if (!runs.isEmpty()) {
            out.append("\nnext runs of new or changed schedules:\n");
            runs.forEach(r -> r.lines().forEach(line -> out.append("  ").append(line).append('\n')));
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

    private static String describe(Change c, Plan plan) {
        Optional<Rename> rename = c.job().flatMap(plan::renameOf);
        if (c instanceof Change.Create) {
            return "create" + rename.map(r -> " (renamed from " + r.from() + ")").orElse("");
        } else if (c instanceof Change.Update u) {
            String from = u.observed().specHash().orElse("unknown");
            String to = u.desired().specHash();
            String what = u.id().kind() == ResourceKind.TASK_DEFINITION ? "register a new revision" : "update";
            return what + " (spec-hash " + from + " -> " + to + ")";
        } else if (c instanceof Change.Delete) {
            return rename.map(r -> "delete (renamed to " + r.to() + ")").orElse("delete (manifest gone)");
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
            node.put("detail", describe(c, plan));
            if (c instanceof Change.Update u) {
                node.put("lastAppliedKnown", u.observed().lastApplied().known());
                FieldLines.json(u.fields(), node.putArray("fields"));
            }
        }
        ArrayNode renames = root.putArray("renames");
        plan.renames().forEach(r -> renames.addObject().put("from", r.from()).put("to", r.to())
                .put("evidence", r.evidence().words()));
        ArrayNode guards = root.putArray("guards");
        plan.guards().forEach(guards::add);
        ArrayNode runs = root.putArray("nextRuns");
        PlanNextRuns.of(result, now).forEach(n -> {
            ObjectNode node = runs.addObject().put("resource", n.resource()).put("job", n.job());
            runs(node, n.after());
            if (n.timingChanged()) {
                n.before().ifPresentOrElse(b -> runs(node.putObject("before"), b), () -> node.putNull("before"));
            }
        });
        ArrayNode violations = root.putArray("violations");
        result.validation().ifPresent(v -> v.violations().forEach(x -> violation(violations.addObject(), x)));
        result.render().ifPresent(r -> r.violations().forEach(x -> violation(violations.addObject(), x)));
        return root.toPrettyString() + "\n";
    }

    private static void runs(ObjectNode node, PlanNextRuns.Runs runs) {
        node.put("timezone", runs.timezone()).put("suspended", runs.suspended());
        runs.times().forEach(node.putArray("times")::add);
    }

    /** The same fields as the compiler-style line, each its own member, and the line itself. */
    private static void violation(ObjectNode node, Violation v) {
        node.put("severity", v.severity().label()).put("file", v.position().file()).put("line", v.position().line())
                .put("column", v.position().column()).put("subject", v.subject()).put("field", v.field())
                .put("message", v.message()).put("text", v.format());
    }
}
