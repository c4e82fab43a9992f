package io.jobform.bench;

import java.util.Map;

/**
 * One scenario's measurements. {@code throttles} are counted by the emulator; the SDK's own
 * retries (attempts beyond calls, counted by jobform's clients) are {@code extra.sdkRetries}
 * for the scenarios that run in this process.
 *
 * @param invocations reconciles it took (1 except for the bulk create under deadlines)
 * @param extra       scenario-specific figures (floor, target, checks)
 */
record ScenarioResult(String scenario, int n, Map<String, Long> calls, long totalCalls, Map<String, Long> throttles,
        long wallMillis, long heapPeakMiB, int invocations, int failures, Map<String, Object> extra) {
}
