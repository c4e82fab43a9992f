package io.jobform.bench;

import java.util.Map;
import java.util.TreeMap;

/** Emulator call and throttle counters by {@code service:Operation}; differences give one scenario's share. */
public record CallCounts(Map<String, Long> calls, Map<String, Long> throttles) {
    public CallCounts {
        calls = new TreeMap<>(calls);
        throttles = new TreeMap<>(throttles);
    }

    public CallCounts since(CallCounts before) {
        return new CallCounts(minus(calls, before.calls), minus(throttles, before.throttles));
    }

    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalThrottles() {
        return throttles.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        now.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
