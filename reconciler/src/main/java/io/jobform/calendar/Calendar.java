package io.jobform.calendar;

import io.jobform.manifest.ScheduledJob;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The run starts of every scheduled job in a window, and the Fargate capacity they may hold. */
public record Calendar(CalendarWindow window, List<JobRuns> runs, Occupancy onDemand, Occupancy spot) {

    public static Calendar of(List<ScheduledJob> jobs, CalendarWindow window) {
        List<CalendarJob> scheduled = jobs.stream().map(CalendarJob::of).flatMap(Optional::stream)
                .sorted(Comparator.comparing(CalendarJob::name)).toList();
        int lookback = scheduled.stream().mapToInt(JobRuns::runMinutes).max().orElse(0);
        // Evaluating a cron is slow (cron-utils finds each fire time separately) and many jobs
        // share a schedule: evaluate each distinct schedule once.
        Map<io.jobform.manifest.Schedule, int[]> bySchedule = new java.util.HashMap<>();
        List<JobRuns> runs = scheduled.stream().map(j -> JobRuns.of(j, bySchedule.computeIfAbsent(j.schedule(),
                s -> JobRuns.starts(s, window, lookback)))).toList();
        int minutes = window.minutes();
        return new Calendar(window, runs, Occupancy.of(runs, minutes, CalendarJob::onDemand),
                Occupancy.of(runs, minutes, CalendarJob::spot));
    }

    public List<CalendarJob> jobs() {
        return runs.stream().map(JobRuns::job).toList();
    }

    /** Starts per minute of the window; {@code jittered} decides whether runs with a flexible window count. */
    public int[] startsPerMinute(boolean jittered) {
        int[] counts = new int[window.minutes()];
        for (JobRuns r : runs) {
            if (!jittered && !r.job().jitter().isZero()) {
                continue;
            }
            for (int m : r.starts()) {
                if (m >= 0 && m < counts.length) {
                    counts[m]++;
                }
            }
        }
        return counts;
    }

    /** The jobs scheduled to start in {@code minute}, by name. */
    public List<CalendarJob> startingAt(int minute) {
        return runs.stream().filter(r -> java.util.Arrays.binarySearch(r.starts(), minute) >= 0)
                .map(JobRuns::job).toList();
    }

    /** The jobs that may be running in {@code minute} and count against {@code pool}, by name. */
    public List<CalendarJob> runningAt(int minute, java.util.function.Predicate<CalendarJob> pool) {
        return runs.stream().filter(r -> pool.test(r.job()) && r.running(minute) > 0).map(JobRuns::job).toList();
    }

    /** One cell per day and wall-clock hour of the window's zone, days in order, hours 0..23. */
    public List<HourCell> cells() {
        Map<LocalDateTime, Map<String, Integer>> jobs = new TreeMap<>();
        Map<LocalDateTime, Double> vcpu = new TreeMap<>();
        for (JobRuns r : runs) {
            for (int m : r.starts()) {
                if (m < 0 || m >= window.minutes()) {
                    continue;
                }
                LocalDateTime hour = window.localOf(m).toLocalDateTime().withMinute(0);
                jobs.computeIfAbsent(hour, h -> new TreeMap<>()).merge(r.job().name(), 1, Integer::sum);
                vcpu.merge(hour, r.job().vcpu(), Double::sum);
            }
        }
        List<HourCell> cells = new ArrayList<>();
        for (LocalDate date : window.dates()) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime hour = date.atTime(h, 0);
                Map<String, Integer> here = jobs.getOrDefault(hour, Map.of());
                int starts = here.values().stream().mapToInt(Integer::intValue).sum();
                cells.add(new HourCell(date, h, starts, vcpu.getOrDefault(hour, 0.0), Map.copyOf(here), clock(hour)));
            }
        }
        return cells;
    }

    private HourCell.Clock clock(LocalDateTime hour) {
        java.time.zone.ZoneRules rules = window.zone().getRules();
        if (rules.getValidOffsets(hour).isEmpty()) {
            return HourCell.Clock.SKIPPED;
        }
        boolean twice = rules.getValidOffsets(hour).size() > 1 || rules.getValidOffsets(hour.plusMinutes(59)).size() > 1;
        return twice ? HourCell.Clock.REPEATED : HourCell.Clock.NORMAL;
    }

    /** For each day of the window: the zones (the calendar's and the jobs') whose clocks change that day. */
    public Map<LocalDate, List<String>> clockChanges() {
        Map<LocalDate, List<String>> days = new TreeMap<>();
        java.util.Set<java.time.ZoneId> zones = new java.util.LinkedHashSet<>();
        zones.add(window.zone());
        runs.forEach(r -> zones.add(r.job().schedule().timezone()));
        for (java.time.ZoneId zone : zones) {
            for (ZoneOffsetTransition t : window.transitions(zone)) {
                LocalDate day = t.getInstant().atZone(window.zone()).toLocalDate();
                long minutes = t.getDuration().toMinutes();
                days.computeIfAbsent(day, d -> new ArrayList<>()).add(zone.getId() + " "
                        + (minutes > 0 ? "+" : "") + minutes / 60 + "h" + (minutes % 60 != 0 ? Math.abs(minutes % 60) + "m" : "")
                        + " at " + t.getDateTimeBefore().toLocalTime());
            }
        }
        return days;
    }
}
