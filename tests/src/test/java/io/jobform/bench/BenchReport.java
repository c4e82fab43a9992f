package io.jobform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmark results as JSON (machine-readable) and as a printed table. */
final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    static void write(Path file, double scale, List<?> results) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", Instant.now().toString());
        doc.put("machine", machine());
        doc.put("scale", scale);
        doc.put("latencyMillisPerCall", ReconcileBenchmark.LATENCY.toMillis());
        doc.put("results", results);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), doc);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memoryMiB", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        // Other processes share the CPUs: wall times are only comparable at a similar load.
        m.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    static String table(List<ScenarioResult> results) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n%-18s %6s %7s %9s %9s %8s %5s %5s  %s%n", "scenario", "N", "calls", "throttles",
                "wall ms", "heap MiB", "inv", "fail", "calls by operation"));
        for (ScenarioResult r : results) {
            long throttles = r.throttles().values().stream().mapToLong(Long::longValue).sum();
            t.append(String.format("%-18s %6d %7d %9d %9d %8d %5d %5d  %s%n", r.scenario(), r.n(), r.totalCalls(),
                    throttles, r.wallMillis(), r.heapPeakMiB(), r.invocations(), r.failures(), r.calls()));
            if (!r.extra().isEmpty()) {
                t.append(String.format("%-18s %s%n", "", r.extra()));
            }
        }
        return t.toString();
    }
}
