package io.jobform.bench;

import io.jobform.aws.CallStats;
import java.util.Map;
import java.util.TreeMap;

/** Emulator call and throttle counters by {@code service:Operation}; differences give one scenario's share. */
public record CallCounts(Map<String, Long> calls, Map<String, Long> throttles) {
    public CallCounts {
        calls = new TreeMap<>(calls);
        throttles = new TreeMap<>(throttles);
    }

    public CallCounts since(CallCounts before) {
        return new CallCounts(CallStats.difference(calls, before.calls), CallStats.difference(throttles, before.throttles));
    }

    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalThrottles() {
        return throttles.values().stream().mapToLong(Long::longValue).sum();
    }
}
