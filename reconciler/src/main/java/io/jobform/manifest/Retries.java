package io.jobform.manifest;

import java.util.List;
import java.util.Optional;

/**
 * How a run whose container failed (or whose Spot task was interrupted) is retried; {@code limit}
 * 0 means never. Errors that no retry fixes (access denied, an image that cannot be pulled) are
 * never retried, and start-up errors have their own bounded backoff, whatever this says.
 *
 * @param exitCodes       when not empty, only these container exit codes are retried
 * @param exceptExitCodes container exit codes that are never retried
 */
public record Retries(
        int limit,
        int intervalSeconds,
        double backoffRate,
        Optional<Integer> maxDelaySeconds,
        boolean jitter,
        List<Integer> exitCodes,
        List<Integer> exceptExitCodes) {

    public Retries {
        exitCodes = List.copyOf(exitCodes);
        exceptExitCodes = List.copyOf(exceptExitCodes);
    }

    public Retries(int limit, int intervalSeconds, double backoffRate, Optional<Integer> maxDelaySeconds, boolean jitter) {
        this(limit, intervalSeconds, backoffRate, maxDelaySeconds, jitter, List.of(), List.of());
    }

    public static Retries none() {
        return new Retries(0, 30, 2.0, Optional.empty(), false);
    }

    /**
     * The wait before each retry, as Step Functions computes it for a retrier: interval ×
     * backoffRate^n, capped by maxDelaySeconds ("Handling errors in Step Functions workflows").
     */
    public List<Integer> delays() {
        List<Integer> out = new java.util.ArrayList<>();
        double delay = Math.max(1, intervalSeconds);
        for (int i = 0; i < limit; i++) {
            long seconds = Math.round(delay);
            out.add((int) Math.min(maxDelaySeconds.map(Long::valueOf).orElse(Long.MAX_VALUE), Math.min(seconds, 31_622_400L)));
            delay *= backoffRate;
        }
        return List.copyOf(out);
    }
}
