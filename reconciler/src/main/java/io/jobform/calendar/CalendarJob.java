package io.jobform.calendar;

import io.jobform.manifest.Capacity;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.SourcePosition;
import java.time.Duration;
import java.util.Optional;

/**
 * What the calendar needs of a scheduled job. A run is assumed to last up to
 * {@code timeoutSeconds} (the whole run, retries included, after which Step Functions stops
 * it): the worst case, since a manifest says nothing about a typical duration.
 *
 * @param vcpu the task's vCPU ({@code cpu / 1024})
 */
public record CalendarJob(String name, String manifest, SourcePosition position, Schedule schedule, boolean suspended,
        double vcpu, int memoryMiB, Duration longestRun, Capacity capacity, boolean overlapsItself) {

    /** The job's calendar entry; empty for an on-demand job. */
    public static Optional<CalendarJob> of(ScheduledJob job) {
        return job.spec().schedule().map(s -> new CalendarJob(job.name(), job.manifestKey(), job.position(), s,
                job.spec().suspend(), job.spec().container().cpu() / 1024.0, job.spec().container().memory(),
                Duration.ofSeconds(job.spec().timeoutSeconds()), job.spec().capacity(),
                job.spec().concurrencyPolicy() == ConcurrencyPolicy.ALLOW));
    }

    public String ref() {
        return ScheduledJob.KIND + "/" + name;
    }

    public Duration jitter() {
        return Duration.ofMinutes(schedule.jitterMinutes().orElse(0));
    }

    /** Counted against the on-demand quota: on-demand, and spot-with-fallback (it may fall back). */
    public boolean onDemand() {
        return capacity != Capacity.SPOT;
    }

    /** Counted against the Spot quota: spot, and spot-with-fallback (it starts on Spot). */
    public boolean spot() {
        return capacity != Capacity.ON_DEMAND;
    }
}
