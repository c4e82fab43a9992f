package io.jobform.calendar;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The peak check: the busiest start minutes, the most vCPU and memory that overlapping runs may
 * hold, and a warning for each limit a peak would pass.
 *
 * @param top      the busiest minutes, most starts first (ties: earliest first)
 * @param warnings what would be throttled or exceed a quota, each naming the minute and the jobs
 */
public record PeakReport(List<Peak> top, Load onDemand, Load spot, FargateLimits limits, List<Warning> warnings) {

    /** @param jobs the jobs concerned, for positions: the first is the one a line points at */
    public record Warning(String message, List<CalendarJob> jobs) {}

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final int NAMED = 8;

    public static PeakReport of(Calendar calendar, FargateLimits limits, int topCount) {
        int[] together = calendar.startsPerMinute(false);
        List<Peak> top = busiest(calendar, topCount, m -> true);
        Load onDemand = load(calendar, "on-demand", calendar.onDemand(), CalendarJob::onDemand, limits.vcpuQuota());
        Load spot = load(calendar, "Spot", calendar.spot(), CalendarJob::spot, limits.spotVcpuQuota());
        List<Warning> warnings = new ArrayList<>();
        int busiest = IntStream.range(0, together.length).reduce((a, b) -> together[b] > together[a] ? b : a).orElse(0);
        if (together.length > 0 && together[busiest] > limits.launchRate()) {
            List<CalendarJob> jobs = calendar.startingAt(busiest).stream().filter(j -> j.jitter().isZero()).toList();
            warnings.add(new Warning(together[busiest] + " runs start at " + MINUTE.format(calendar.window()
                    .localOf(busiest)) + " without a flexible window (" + names(jobs) + "): Fargate accepts "
                    + limits.launchRate() + " RunTask calls per second per account and Region (--fargate-launch-rate), "
                    + "so the others are throttled and retried; spread them with spec.schedule.jitterMinutes", jobs));
        }
        for (Load load : List.of(onDemand, spot)) {
            if (load.exceedsQuota()) {
                List<CalendarJob> jobs = calendar.runningAt(calendar.window().minuteOf(load.at().toInstant()),
                        load == onDemand ? CalendarJob::onDemand : CalendarJob::spot);
                warnings.add(new Warning("up to " + vcpu(load.vcpu()) + " vCPU and " + memory(load.memoryMiB())
                        + " of " + load.pool() + " Fargate may run at once at " + MINUTE.format(load.at()) + " ("
                        + names(jobs) + "), above the " + load.pool() + " vCPU quota of " + vcpu(load.quota())
                        + (load == onDemand ? " (--fargate-vcpu-quota)" : " (--fargate-spot-vcpu-quota)")
                        + ": runs beyond it fail to start; spread them with spec.schedule.jitterMinutes or other "
                        + "start times, shorten timeoutSeconds, or raise the quota", jobs));
            }
        }
        return new PeakReport(top, onDemand, spot, limits, List.copyOf(warnings));
    }

    /**
     * The minutes with the most starts (two or more) among those {@code where} accepts, most
     * starts first, then most starting at once, then earliest.
     */
    public static List<Peak> busiest(Calendar calendar, int count, java.util.function.IntPredicate where) {
        int[] all = calendar.startsPerMinute(true);
        int[] together = calendar.startsPerMinute(false);
        return IntStream.range(0, all.length).filter(m -> all[m] > 1 && where.test(m)).boxed()
                .sorted(Comparator.comparingInt((Integer m) -> -all[m]).thenComparingInt(m -> -together[m])
                        .thenComparingInt(m -> m))
                .limit(count).map(m -> peak(calendar, m, all[m], together[m])).toList();
    }

    private static Peak peak(Calendar calendar, int minute, int starts, int together) {
        List<CalendarJob> jobs = calendar.startingAt(minute);
        return new Peak(calendar.window().localOf(minute), starts, together,
                jobs.stream().mapToDouble(CalendarJob::vcpu).sum(), jobs.stream().mapToLong(CalendarJob::memoryMiB).sum(),
                jobs.stream().map(CalendarJob::name).toList());
    }

    private static Load load(Calendar calendar, String pool, Occupancy occupancy, Predicate<CalendarJob> member,
            double quota) {
        int minute = occupancy.peakMinute();
        double vcpu = occupancy.vcpu().length == 0 ? 0 : occupancy.vcpu()[minute];
        long memory = occupancy.memoryMiB().length == 0 ? 0 : occupancy.memoryMiB()[minute];
        List<String> jobs = vcpu == 0 ? List.of()
                : calendar.runningAt(minute, member).stream().map(CalendarJob::name).toList();
        return new Load(pool, vcpu, memory, calendar.window().localOf(minute), jobs, quota);
    }

    static String names(List<CalendarJob> jobs) {
        return shortList(jobs.stream().map(CalendarJob::name).toList());
    }

    /** At most eight names, then how many more. */
    public static String shortList(List<String> names) {
        return names.size() <= NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }

    /** 0.25, 1.5, 6: vCPU as people write it. */
    public static String vcpu(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public static String memory(long mib) {
        if (mib < 1024 || mib % 256 != 0) {
            return mib + " MiB";
        }
        return java.math.BigDecimal.valueOf(mib).divide(java.math.BigDecimal.valueOf(1024)).stripTrailingZeros()
                .toPlainString() + " GiB";
    }
}
