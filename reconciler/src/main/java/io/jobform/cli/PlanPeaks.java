package io.jobform.cli;

import io.jobform.calendar.Calendar;
import io.jobform.calendar.CalendarWindow;
import io.jobform.calendar.FargateLimits;
import io.jobform.calendar.JobRuns;
import io.jobform.calendar.Load;
import io.jobform.calendar.Peak;
import io.jobform.calendar.PeakReport;
import io.jobform.manifest.ScheduledJob;
import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.ResourceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The peak table of a Markdown plan: for the schedules the plan creates or changes, the busiest
 * minutes they start in over the coming week (UTC), with every job starting then, and the
 * Fargate load of the whole set.
 */
final class PlanPeaks {

    static final int ROWS = 5;

    private PlanPeaks() {}

    /** Empty when the plan changes no schedule. */
    static String markdown(ReconcileResult result, FargateLimits limits, Instant now) {
        Set<String> changed = new TreeSet<>();
        result.plan().ifPresent(plan -> plan.changes().stream()
                .filter(c -> c.id().kind() == ResourceKind.SCHEDULE)
                .filter(c -> c instanceof Change.Create || c instanceof Change.Update)
                .forEach(c -> c.job().ifPresent(changed::add)));
        List<ScheduledJob> jobs = result.validation().map(v -> v.jobs()).orElse(List.of());
        if (changed.isEmpty() || jobs.isEmpty()) {
            return "";
        }
        CalendarWindow window = new CalendarWindow(LocalDate.ofInstant(now, ZoneOffset.UTC), PeakWarnings.DAYS,
                ZoneOffset.UTC);
        Calendar calendar = Calendar.of(jobs, window);
        boolean[] touched = new boolean[window.minutes()];
        for (JobRuns r : calendar.runs()) {
            if (changed.contains(r.job().name())) {
                for (int m : r.starts()) {
                    if (m >= 0 && m < touched.length) {
                        touched[m] = true;
                    }
                }
            }
        }
        PeakReport report = PeakReport.of(calendar, limits, 1);
        List<Peak> peaks = PeakReport.busiest(calendar, ROWS, m -> touched[m]);
        StringBuilder out = new StringBuilder("\n#### Start peaks of changed schedules (next " + PeakWarnings.DAYS
                + " days, UTC)\n\n");
        if (peaks.isEmpty()) {
            out.append("No other job starts in the same minute as the changed schedules.\n");
        } else {
            out.append("| Minute | Starts | At once (no jitter) | vCPU | Memory | Jobs |\n|---|---:|---:|---:|---:|---|\n");
            for (Peak p : peaks) {
                out.append("| ").append(p.at().toLocalDateTime().toString().replace('T', ' ')).append(" | ")
                        .append(p.starts()).append(" | ").append(p.together()).append(" | ")
                        .append(PeakReport.vcpu(p.vcpu())).append(" | ").append(PeakReport.memory(p.memoryMiB()))
                        .append(" | ").append(String.join(", ", p.jobs().stream()
                                .map(j -> changed.contains(j) ? "**" + j + "**" : j).toList())).append(" |\n");
            }
        }
        out.append('\n');
        for (Load l : List.of(report.onDemand(), report.spot())) {
            out.append("Fargate ").append(l.pool()).append(": up to ").append(PeakReport.vcpu(l.vcpu()))
                    .append(" vCPU at once (quota ").append(PeakReport.vcpu(l.quota())).append(").  \n");
        }
        report.warnings().forEach(w -> out.append("\n> **warning:** ").append(w.message()).append('\n'));
        return out.toString();
    }
}
