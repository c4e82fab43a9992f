package io.jobform.manifest;

import java.util.Optional;

/** How often a failed run is retried; {@code limit} 0 means never. */
public record Retries(
        int limit,
        int intervalSeconds,
        double backoffRate,
        Optional<Integer> maxDelaySeconds,
        boolean jitter) {

    public static Retries none() {
        return new Retries(0, 30, 2.0, Optional.empty(), false);
    }
}
