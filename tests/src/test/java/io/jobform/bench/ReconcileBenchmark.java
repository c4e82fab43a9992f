package io.jobform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.apply.ApplyReport;
import io.jobform.aws.AwsClients;
import io.jobform.aws.CallStats;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import io.jobform.aws.PropagationRetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 1–6 of the benchmark at each N of {@code -Dbench.sizes} (default 1000,5000), against
 * the in-process emulator with 10 ms per call and AWS's rate limits times {@code -Dbench.scale}
 * (default 20: one benchmark second is 20 AWS seconds). Runs only with {@code -Pbench}.
 */
class ReconcileBenchmark {
    static final Duration LATENCY = Duration.ofMillis(10);
    static final Duration LAMBDA_TIMEOUT = Duration.ofMinutes(15);
    static final Duration LAMBDA_MARGIN = Duration.ofSeconds(30);

    final double scale = Double.parseDouble(System.getProperty("bench.scale", "20"));
    final Path out = Path.of("target", "bench").toAbsolutePath();

    @Test
    void run() throws Exception {
        for (String size : System.getProperty("bench.sizes", "1000,5000").split(",")) {
            int n = Integer.parseInt(size.strip());
            List<ScenarioResult> results = runAt(n);
            BenchReport.write(out.resolve("reconcile-" + n + ".json"), scale, results);
            System.out.println(BenchReport.table(results));
        }
    }

    private List<ScenarioResult> runAt(int n) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, String> files = BenchManifests.generate(n);
        try (BenchSetup setup = new BenchSetup(scale)) {
            setup.upload(files);
            setup.awsLike(LATENCY);
            results.add(bulkCreate(setup, n));
            results.add(coldNoOp(setup, n, "1 cold no-op", List.of()));
            results.add(coldNoOp(setup, n, "1 cold no-op, launcher", ColdStartBenchmark.launcherOptions()));
            try (AwsClients clients = setup.clients()) {
                Reconciler warm = setup.reconciler(clients, Clock.systemUTC());
                warm.reconcile(ReconcileOptions.defaults());
                results.add(measure("2 warm no-op", n, setup, clients, () -> warm.reconcile(ReconcileOptions.defaults())));
                setup.put(BenchManifests.fileName(7), BenchManifests.changed(7));
                results.add(measure("3 one changed", n, setup, clients, () -> warm.reconcile(ReconcileOptions.defaults())));
                for (int i = 0; i < 10; i++) {
                    setup.delete(BenchManifests.fileName(n - 1 - i));
                }
                results.add(measure("5 prune 10", n, setup, clients, () -> warm.reconcile(ReconcileOptions.defaults())));
                Path dir = writeDirectory(files, n);
                Reconciler prCheck = new Reconciler(BenchSetup.config(), new DirectoryManifestSource(dir),
                        new io.jobform.aws.ObjectStore(clients.s3, BenchSetup.BUCKET), clients, Clock.systemUTC(),
                        line -> { }, PropagationRetry.standard());
                results.add(measure("6 validate+plan", n, setup, clients,
                        () -> prCheck.reconcile(ReconcileOptions.defaults().withDryRun(true))));
                results.add(planInSmallHeap(setup, n, dir));
            }
        }
        return results;
    }

    interface Run {
        ReconcileResult run() throws Exception;
    }

    private ScenarioResult measure(String name, int n, BenchSetup setup, AwsClients clients, Run run)
            throws Exception {
        HeapPeak.reset();
        CallCounts before = setup.counts();
        CallStats sdkBefore = clients.calls();
        long start = System.nanoTime();
        ReconcileResult result = run.run();
        long wall = (System.nanoTime() - start) / 1_000_000;
        CallCounts used = setup.counts().since(before);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("fetchedManifests", result.fetched());
        extra.put("sdkRetries", clients.calls().since(sdkBefore).retries());
        extra.put("mutatingChanges", result.plan().map(p -> p.mutating().size()).orElse(0));
        int failures = result.apply().map(a -> a.failures().size()).orElse(0);
        return new ScenarioResult(name, n, used.calls(), used.total(), used.throttles(), wall, HeapPeak.peakMiB(), 1,
                failures, extra);
    }

    /**
     * Scenario 4: invocations with a scaled 15-minute deadline each, until nothing is left. No
     * change may be applied twice, and each resource is created exactly once.
     */
    private ScenarioResult bulkCreate(BenchSetup setup, int n) throws Exception {
        HeapPeak.reset();
        CallCounts before = setup.counts();
        Duration timeout = scaled(LAMBDA_TIMEOUT);
        Set<String> applied = new HashSet<>();
        int repeated = 0;
        int invocations = 0;
        int failures = 0;
        long sdkRetries = 0;
        long start = System.nanoTime();
        boolean done = false;
        while (!done && invocations < 50) {
            invocations++;
            try (AwsClients clients = setup.clients()) {
                Instant deadline = Instant.now().plus(timeout);
                ReconcileResult result = setup.reconciler(clients, Clock.systemUTC())
                        .reconcile(ReconcileOptions.defaults().withDeadline(deadline, scaled(LAMBDA_MARGIN)));
                ApplyReport report = result.apply().orElseThrow();
                failures += report.failures().size();
                for (var a : report.applied()) {
                    if (!applied.add(a.change().action().word() + " " + a.change().id())) {
                        repeated++;
                    }
                }
                done = report.complete() && report.failures().isEmpty();
                sdkRetries += clients.calls().retries();
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        CallCounts used = setup.counts().since(before);
        Map<String, Object> extra = new LinkedHashMap<>();
        // The slowest published limit: RegisterTaskDefinition, 1 per second after a burst of 20.
        double floorSeconds = Math.max(0, n - 20) / scale;
        extra.put("floorSeconds", floorSeconds);
        extra.put("overFloorPercent", Math.round((wall / 1000.0 / floorSeconds - 1) * 1000) / 10.0);
        extra.put("invocationTimeoutSeconds", timeout.toMillis() / 1000.0);
        extra.put("changesApplied", applied.size());
        extra.put("changesRepeated", repeated);
        extra.put("sdkRetries", sdkRetries);
        extra.put("complete", done);
        assertThat(repeated).as("changes applied twice").isZero();
        // The emulator counts every request, throttled ones included: each resource created once.
        assertThat(used.calls().get("ecs:RegisterTaskDefinition")
                - used.throttles().getOrDefault("ecs:RegisterTaskDefinition", 0L)).isEqualTo(n);
        assertThat(used.calls().get("states:CreateStateMachine")
                - used.throttles().getOrDefault("states:CreateStateMachine", 0L)).isEqualTo(n);
        return new ScenarioResult("4 bulk create", n, used.calls(), used.total(), used.throttles(), wall,
                HeapPeak.peakMiB(), invocations, failures, extra);
    }

    /**
     * Scenario 1: a fresh {@code jobform apply} process (published client-side rates), with the
     * JDK's default flags or with {@code jvm} (the launcher's flags and class data archive).
     */
    private ScenarioResult coldNoOp(BenchSetup setup, int n, String name, List<String> jvm) throws Exception {
        CallCounts before = setup.counts();
        List<String> args = new ArrayList<>(List.of("apply", "--source", "s3://" + BenchSetup.BUCKET + "/"
                + BenchSetup.PREFIX));
        args.addAll(setup.cliArguments());
        String label = jvm.isEmpty() ? "" : "-launcher";
        Path gcLog = out.resolve("cold-noop-" + n + label + "-gc.log");
        List<String> options = new ArrayList<>(jvm);
        options.add("-Xlog:gc:file=" + gcLog);
        JavaProcess.Outcome outcome = JavaProcess.run(options, JavaProcess.jar(), args,
                out.resolve("cold-noop-" + n + label + ".out"));
        CallCounts used = setup.counts().since(before);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("process", "java " + String.join(" ", jvm) + " -jar jobform.jar apply (published client-side rates)");
        return new ScenarioResult(name, n, used.calls(), used.total(), used.throttles(),
                outcome.wallMillis(), HeapPeak.fromGcLog(gcLog), 1, 0, extra);
    }

    /** Scenario 6 in a child JVM limited to 512 MiB: {@code jobform plan} over the manifest directory. */
    private ScenarioResult planInSmallHeap(BenchSetup setup, int n, Path dir) throws Exception {
        CallCounts before = setup.counts();
        List<String> args = new ArrayList<>(List.of("plan", "--source", dir.toString()));
        args.addAll(setup.cliArguments());
        Path gcLog = out.resolve("plan-" + n + "-gc.log");
        JavaProcess.Outcome outcome = JavaProcess.run(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog),
                JavaProcess.jar(), args, out.resolve("plan-" + n + ".out"));
        CallCounts used = setup.counts().since(before);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("process", "java -Xmx512m -jar jobform.jar plan --source <dir>");
        extra.put("exitCode", outcome.exitCode());
        extra.put("outOfMemory", outcome.output().contains("OutOfMemoryError"));
        return new ScenarioResult("6 plan -Xmx512m", n, used.calls(), used.total(), used.throttles(),
                outcome.wallMillis(), HeapPeak.fromGcLog(gcLog), 1, outcome.exitCode() == 0 ? 0 : 1, extra);
    }

    private Path writeDirectory(Map<String, String> files, int n) throws Exception {
        Path dir = out.resolve("manifests-" + n);
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        // The PR check sees the set as committed: job 7 changed, the last ten deleted.
        Files.writeString(dir.resolve(BenchManifests.fileName(7)), BenchManifests.changed(7));
        for (int i = 0; i < 10; i++) {
            Files.deleteIfExists(dir.resolve(BenchManifests.fileName(n - 1 - i)));
        }
        return dir;
    }

    private Duration scaled(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() / scale));
    }
}
