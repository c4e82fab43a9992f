package io.jobform.calendar;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** {@code jobform calendar -o text}: the window, the busiest minutes, the load and an ASCII histogram. */
public final class CalendarText {

    private static final int BAR = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private CalendarText() {}

    public static String render(Calendar calendar, PeakReport peaks) {
        StringBuilder out = new StringBuilder();
        CalendarWindow w = calendar.window();
        long suspended = calendar.jobs().stream().filter(CalendarJob::suspended).count();
        out.append("jobform calendar: ").append(DAY.format(w.first())).append(" .. ")
                .append(DAY.format(w.first().plusDays(w.days() - 1))).append(" (").append(w.days())
                .append(" day(s)) in ").append(w.zone()).append(", ").append(calendar.jobs().size())
                .append(" scheduled job(s)").append(suspended > 0 ? ", " + suspended + " suspended (no runs)" : "")
                .append('\n');
        int total = calendar.runs().stream().mapToInt(r -> r.startsWithin(w.minutes())).sum();
        out.append(total).append(" run start(s)\n\n");
        out.append("Busiest minutes (starts, of which at the same moment without jitterMinutes):\n");
        if (peaks.top().isEmpty()) {
            out.append("  none: no two runs start in the same minute\n");
        }
        for (Peak p : peaks.top()) {
            out.append("  ").append(PeakReport.MINUTE.format(p.at())).append(String.format("  %3d start(s), %3d at once, ",
                    p.starts(), p.together())).append(PeakReport.vcpu(p.vcpu())).append(" vCPU, ")
                    .append(PeakReport.memory(p.memoryMiB())).append(": ").append(PeakReport.shortList(p.jobs())).append('\n');
        }
        out.append('\n');
        for (Load load : List.of(peaks.onDemand(), peaks.spot())) {
            out.append("Fargate ").append(load.pool()).append(": ");
            if (load.vcpu() > 0) {
                out.append("up to ").append(PeakReport.vcpu(load.vcpu())).append(" vCPU and ")
                        .append(PeakReport.memory(load.memoryMiB())).append(" at once (")
                        .append(PeakReport.MINUTE.format(load.at())).append(": ")
                        .append(PeakReport.shortList(load.jobs())).append(')');
            } else {
                out.append("no runs");
            }
            out.append("; quota ").append(PeakReport.vcpu(load.quota())).append(" vCPU")
                    .append(load.exceedsQuota() ? " EXCEEDED" : "").append('\n');
        }
        out.append("  (a run counts from its start to the end of its jitter window plus timeoutSeconds)\n\n");
        histogram(calendar, out);
        Map<java.time.LocalDate, List<String>> changes = calendar.clockChanges();
        if (!changes.isEmpty()) {
            out.append("\nClock changes:\n");
            changes.forEach((day, what) -> out.append("  ").append(DAY.format(day)).append(": ")
                    .append(String.join("; ", what)).append('\n'));
        }
        for (PeakReport.Warning warning : peaks.warnings()) {
            out.append("\nwarning: ").append(warning.message()).append('\n');
        }
        return out.toString();
    }

    /** Starts per hour of the day over the whole window, as bars of '#'. */
    private static void histogram(Calendar calendar, StringBuilder out) {
        int[] perHour = new int[24];
        calendar.cells().forEach(c -> perHour[c.hour()] += c.starts());
        int max = java.util.Arrays.stream(perHour).max().orElse(0);
        out.append("Starts per hour of day (").append(calendar.window().zone()).append(", all days):\n");
        for (int h = 0; h < 24; h++) {
            int width = max == 0 ? 0 : (int) Math.ceil((double) perHour[h] * BAR / max);
            out.append(String.format("  %02d |", h)).append("#".repeat(width)).append(perHour[h] > 0 ? " " + perHour[h] : "")
                    .append('\n');
        }
    }
}
