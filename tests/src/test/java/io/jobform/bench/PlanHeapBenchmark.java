package io.jobform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6 on its own: {@code jobform plan} over N manifests in a child JVM limited to
 * 512 MiB, against an emulator where nothing exists yet (every job planned as a create, the
 * largest plan). N from {@code -Dbench.planSizes} (default 5000).
 */
class PlanHeapBenchmark {
    final Path out = Path.of("target", "bench").toAbsolutePath();

    @Test
    void run() throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        for (String size : System.getProperty("bench.planSizes", "5000").split(",")) {
            int n = Integer.parseInt(size.strip());
            Path dir = out.resolve("plan-manifests-" + n);
            Files.createDirectories(dir);
            for (var e : BenchManifests.generate(n).entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            try (BenchSetup setup = new BenchSetup(1)) {
                setup.awsLike(ReconcileBenchmark.LATENCY);
                CallCounts before = setup.counts();
                List<String> args = new ArrayList<>(List.of("plan", "--source", dir.toString()));
                args.addAll(setup.cliArguments());
                Path gcLog = out.resolve("plan-heap-" + n + "-gc.log");
                JavaProcess.Outcome o = JavaProcess.run(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog),
                        JavaProcess.jar(), args, out.resolve("plan-heap-" + n + ".out"));
                CallCounts used = setup.counts().since(before);
                assertThat(o.exitCode()).as(o.output()).isZero();
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("process", "java -Xmx512m -jar jobform.jar plan --source <dir> (all creates)");
                extra.put("outOfMemory", o.output().contains("OutOfMemoryError"));
                extra.put("summary", o.output().lines().filter(l -> l.startsWith("Plan:") || l.contains("to create"))
                        .findFirst().orElse(""));
                results.add(new ScenarioResult("6 plan -Xmx512m", n, used.calls(), used.total(), used.throttles(),
                        o.wallMillis(), HeapPeak.fromGcLog(gcLog), 1, 0, extra));
            }
        }
        BenchReport.write(out.resolve("plan-heap.json"), 1, results);
        System.out.println(BenchReport.table(results));
    }
}
