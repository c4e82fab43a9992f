package io.jobform.aws;

import java.util.Map;
import java.util.TreeMap;

/**
 * AWS API calls and attempts per {@code service:Operation} (service as the SDK names it, e.g.
 * {@code ECS:RegisterTaskDefinition}); attempts beyond calls are the SDK's retries.
 */
public record CallStats(Map<String, Long> calls, Map<String, Long> attempts) {

    public CallStats {
        calls = Map.copyOf(calls);
        attempts = Map.copyOf(attempts);
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Attempts beyond calls, per operation (a call that failed before it was sent has none). */
    public long retries() {
        return calls.entrySet().stream()
                .mapToLong(c -> Math.max(0, attempts.getOrDefault(c.getKey(), 0L) - c.getValue())).sum();
    }

    /** What was counted after {@code earlier}, a snapshot of the same counter. */
    public CallStats since(CallStats earlier) {
        return new CallStats(difference(calls, earlier.calls), difference(attempts, earlier.attempts));
    }

    /** Per key, {@code now} minus {@code before}; keys whose count did not change are left out. */
    public static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
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
