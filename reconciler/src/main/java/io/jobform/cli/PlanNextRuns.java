package io.jobform.cli;

import io.jobform.manifest.ScheduledJob;
import io.jobform.operate.ScheduleInfo;
import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.ResourceKind;
import io.jobform.validate.ScheduleCalendar;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The next five fire times of every schedule a plan creates or changes, in the schedule's zone;
 * when a change moves the schedule's timing, the next five of the old schedule too, so a
 * reviewer sees what the change does to the calendar.
 */
final class PlanNextRuns {
    static final int COUNT = 5;
    /**
     * The members of a Scheduler request that decide when it fires (expression, its time zone,
     * the window between start and end date, and ENABLED or DISABLED: EventBridge Scheduler API
     * Reference, UpdateSchedule,
     * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html).
     * The flexible time window moves each run within the window and is shown on neither side.
     */
    private static final Set<String> TIMING = Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "StartDate",
            "EndDate", "State");

    private PlanNextRuns() {}

    /** Fire times in one zone; none when suspended. */
    record Runs(String timezone, boolean suspended, List<String> times) {
        String text() {
            return suspended ? "suspended" : "(" + timezone + "): " + String.join(", ", times);
        }
    }

    /**
     * @param timingChanged an update changed when the schedule fires
     * @param before        the old schedule's runs when timing changed; empty when its last applied
     *                      timing is not recorded
     */
    record NextRuns(String resource, String job, Runs after, boolean timingChanged, Optional<Runs> before) {
        List<String> lines() {
            if (!timingChanged) {
                return List.of(resource + " " + after.text());
            }
            return List.of(resource + " now " + before.map(Runs::text).orElse("(unknown)"),
                    resource + " new " + after.text());
        }
    }

    static List<NextRuns> of(ReconcileResult result, Instant now) {
        List<NextRuns> out = new ArrayList<>();
        List<ScheduledJob> jobs = result.validation().map(v -> v.jobs()).orElse(List.of());
        for (Change c : result.plan().orElseThrow().changes()) {
            if (c.id().kind() != ResourceKind.SCHEDULE || !(c instanceof Change.Create || c instanceof Change.Update)) {
                continue;
            }
            Optional<ScheduledJob> job = jobs.stream().filter(j -> c.job().equals(Optional.of(j.name()))).findFirst();
            job.flatMap(j -> j.spec().schedule().map(s -> Map.entry(j, s))).ifPresent(e -> {
                boolean suspended = e.getKey().spec().suspend();
                List<String> times = suspended ? List.of() : ScheduleCalendar.next(e.getValue(), now, COUNT).stream()
                        .map(ZonedDateTime::toOffsetDateTime).map(Object::toString).toList();
                Runs after = new Runs(e.getValue().timezone().getId(), suspended, times);
                boolean timing = c instanceof Change.Update u && u.fields().stream().map(FieldChange::path)
                        .anyMatch(TIMING::contains);
                Optional<Runs> before = c instanceof Change.Update u && timing ? previous(u, now) : Optional.empty();
                out.add(new NextRuns(c.id().toString(), e.getKey().name(), after, timing, before));
            });
        }
        return out;
    }

    /** The old schedule's runs from its last applied request, when that is recorded. */
    private static Optional<Runs> previous(Change.Update update, Instant now) {
        Map<String, String> applied = update.observed().lastApplied().values();
        String expression = applied.get("ScheduleExpression");
        String zone = applied.get("ScheduleExpressionTimezone");
        if (expression == null || zone == null) {
            return Optional.empty();
        }
        boolean suspended = "DISABLED".equals(applied.get("State"));
        ScheduleInfo info = new ScheduleInfo(expression, expression, zone, instant(applied.get("StartDate")),
                instant(applied.get("EndDate")), suspended);
        List<String> times = info.next(now, COUNT).stream().map(ZonedDateTime::toOffsetDateTime)
                .map(Object::toString).toList();
        return Optional.of(new Runs(zone, suspended, times));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
