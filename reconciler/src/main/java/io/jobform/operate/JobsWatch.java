package io.jobform.operate;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code get jobs --watch}: when to look again and whether anything changed. Every look makes
 * one ListExecutions per job, and ListExecutions refills 2 calls per second per account
 * (Step Functions quotas, "API action throttling"), so the interval grows with the number of
 * jobs: 5 s, or half a second per job when that is longer.
 */
public final class JobsWatch {
    static final Duration MIN = Duration.ofSeconds(5);

    private JobsWatch() {}

    public static Duration interval(int jobs) {
        Duration paced = Duration.ofMillis(500L * jobs);
        return paced.compareTo(MIN) > 0 ? paced : MIN;
    }

    /** What a change means: another run, result, sync state or schedule; not the passing of time. */
    public static String signature(List<JobOperations.JobRow> rows) {
        return rows.stream().map(r -> String.join("|", r.status().name(),
                r.lastRun().map(e -> e.name() + ":" + e.status()).orElse("-"),
                String.valueOf(r.status().valid()), String.valueOf(r.synced()),
                r.live().scheduleState().orElse("-"), r.live().taskDefinition().orElse("-"),
                r.status().schedule().map(s -> s.display() + s.suspended()).orElse("-")))
                .collect(Collectors.joining("\n"));
    }
}
