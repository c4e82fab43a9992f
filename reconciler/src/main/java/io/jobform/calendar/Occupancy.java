package io.jobform.calendar;

import java.util.List;
import java.util.function.Predicate;

/**
 * vCPU and memory that runs may hold at once, minute by minute: every run from its scheduled
 * start to the end of its jitter window plus its longest duration. A job whose
 * concurrencyPolicy is Forbid or Replace counts once while its runs overlap.
 *
 * @param vcpu      per minute of the window
 * @param memoryMiB per minute of the window
 */
public record Occupancy(double[] vcpu, long[] memoryMiB) {

    public static Occupancy of(List<JobRuns> runs, int minutes, Predicate<CalendarJob> pool) {
        double[] vcpuDelta = new double[minutes + 1];
        long[] memoryDelta = new long[minutes + 1];
        for (JobRuns r : runs) {
            if (!pool.test(r.job())) {
                continue;
            }
            int length = r.runMinutes();
            int[] s = r.starts();
            int i = 0;
            while (i < s.length) {
                int from = s[i];
                int to = s[i] + length;
                i++;
                while (!r.job().overlapsItself() && i < s.length && s[i] <= to) {
                    to = Math.max(to, s[i] + length); // one run at a time: merge into one span
                    i++;
                }
                int a = Math.max(0, from);
                int b = Math.min(minutes, to);
                if (a < b) {
                    vcpuDelta[a] += r.job().vcpu();
                    vcpuDelta[b] -= r.job().vcpu();
                    memoryDelta[a] += r.job().memoryMiB();
                    memoryDelta[b] -= r.job().memoryMiB();
                }
            }
        }
        double[] vcpu = new double[minutes];
        long[] memory = new long[minutes];
        double v = 0;
        long m = 0;
        for (int t = 0; t < minutes; t++) {
            v += vcpuDelta[t];
            m += memoryDelta[t];
            vcpu[t] = Math.round(v * 1024) / 1024.0; // sums of quarters: keep them exact
            memory[t] = m;
        }
        return new Occupancy(vcpu, memory);
    }

    /** The first minute with the most vCPU held; 0 when nothing runs. */
    public int peakMinute() {
        int best = 0;
        for (int t = 1; t < vcpu.length; t++) {
            if (vcpu[t] > vcpu[best]) {
                best = t;
            }
        }
        return best;
    }
}
