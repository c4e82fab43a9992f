package io.jobform.bench;

import java.util.Map;

/**
 * One scenario's measurements. {@code retries}: jobform does not expose the SDK's retry count;
 * no faults are injected, so every retried attempt is a throttled one and equals {@code throttles}.
 *
 * @param invocations reconciles it took (1 except for the bulk create under deadlines)
 * @param extra       scenario-specific figures (floor, target, checks)
 */
record ScenarioResult(String scenario, int n, Map<String, Long> calls, long totalCalls, Map<String, Long> throttles,
        long wallMillis, long heapPeakMiB, int invocations, int failures, Map<String, Object> extra) {
}
