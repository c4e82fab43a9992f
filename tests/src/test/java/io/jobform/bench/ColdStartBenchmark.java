package io.jobform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.RateLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: {@code java -jar jobform.jar apply} as a fresh process handling one changed
 * manifest among 20 (what one S3 event brings), against the standalone emulator with 10 ms per
 * call. Whole-process wall time, median of {@code -Dbench.runs} runs per set of JVM options,
 * and the jar's size.
 */
class ColdStartBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final List<String> LAUNCHER = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    final Path out = Path.of("target", "bench").toAbsolutePath();
    final int runs = Integer.parseInt(System.getProperty("bench.runs", "7"));

    @Test
    void run() throws Exception {
        Process emulator = new ProcessBuilder(javaBin(), "-jar", JavaProcess.emulatorJar().toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            URI endpoint = endpoint(emulator);
            Map<String, String> files = BenchManifests.generate(20);
            try (AwsClients clients = new AwsClients(AwsTarget.endpoint(endpoint, "us-east-1"), new RateLimits(1000))) {
                ObjectStore store = new ObjectStore(clients.s3, BenchSetup.BUCKET);
                store.createBucketIfMissing();
                files.forEach((k, v) -> store.put(BenchSetup.PREFIX + k, v.getBytes(StandardCharsets.UTF_8)));
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/latency"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"millis\":10}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                List<String> args = new ArrayList<>(List.of("apply", "--source",
                        "s3://" + BenchSetup.BUCKET + "/" + BenchSetup.PREFIX));
                args.addAll(cliArguments(endpoint));
                assertThat(apply(List.of(), args, "create").exitCode()).isZero();

                Path archive = out.resolve("jobform-cds.jsa");
                Files.deleteIfExists(archive);
                List<String> training = new ArrayList<>(LAUNCHER);
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                assertThat(apply(training, args, "cds-training").exitCode()).isZero();
                List<String> withCds = new ArrayList<>(LAUNCHER);
                withCds.add("-XX:SharedArchiveFile=" + archive);
                List<String> withLauncherCds = new ArrayList<>(LAUNCHER);
                withLauncherCds.add("-XX:SharedArchiveFile=" + launcherArchive());

                Map<String, List<String>> variants = new LinkedHashMap<>();
                variants.put("default JVM", List.of());
                variants.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
                variants.put("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC"));
                variants.put("launcher (C1 only + SerialGC)", LAUNCHER);
                variants.put("launcher + AppCDS archive of this run", withCds);
                variants.put("launcher + AppCDS archive ./jobform records", withLauncherCds);
                Map<String, Object> medians = new LinkedHashMap<>();
                int toggle = 0;
                for (var v : variants.entrySet()) {
                    List<Long> walls = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        // One changed manifest per run: the job's task definition gets a new revision.
                        String text = toggle++ % 2 == 0 ? BenchManifests.changed(0) : BenchManifests.job(0);
                        store.put(BenchSetup.PREFIX + BenchManifests.fileName(0), text.getBytes(StandardCharsets.UTF_8));
                        JavaProcess.Outcome o = apply(v.getValue(), args, "run");
                        assertThat(o.exitCode()).as(o.output()).isZero();
                        walls.add(o.wallMillis());
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("jvmOptions", v.getValue());
                    r.put("medianMillis", median(walls));
                    r.put("runsMillis", walls);
                    medians.put(v.getKey(), r);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scenario", "7 cold start, one S3 change among 20 jobs");
                result.put("jarBytes", Files.size(JavaProcess.jar()));
                result.put("archiveBytes", Files.size(archive));
                result.put("variants", medians);
                BenchReport.write(out.resolve("cold-start.json"), 1, List.of(result));
                StringBuilder t = new StringBuilder(String.format("%n%-32s %10s  %s%n", "JVM options", "median ms",
                        "runs"));
                medians.forEach((k, v) -> {
                    @SuppressWarnings("unchecked") Map<String, Object> r = (Map<String, Object>) v;
                    t.append(String.format("%-32s %10s  %s%n", k, r.get("medianMillis"), r.get("runsMillis")));
                });
                t.append("jar: ").append(Files.size(JavaProcess.jar())).append(" bytes\n");
                System.out.println(t);
            }
        } finally {
            emulator.destroy();
            emulator.waitFor();
        }
    }

    private JavaProcess.Outcome apply(List<String> jvm, List<String> args, String label) throws Exception {
        return JavaProcess.run(jvm, JavaProcess.jar(), args, out.resolve("cold-start-" + label + ".out"));
    }

    /** What {@code ./jobform} runs the jar with: its flags and the class data archive it records. */
    static List<String> launcherOptions() throws Exception {
        List<String> options = new ArrayList<>(LAUNCHER);
        options.add("-XX:SharedArchiveFile=" + launcherArchive());
        return options;
    }

    /**
     * The archive {@code ./jobform} records once per build (from {@code apply --local} of the
     * example manifests, not from this benchmark's workload): asking it for its version makes it.
     */
    private static Path launcherArchive() throws Exception {
        Path root = Path.of(System.getProperty("jobform.root", "..")).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", root.resolve("jobform").toString(), "--version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).isZero();
        try (var files = Files.list(root.resolve("reconciler/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("jobform-.*\\.jsa")).findFirst()
                    .orElseThrow(() -> new AssertionError("./jobform recorded no archive"));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> cliArguments(URI endpoint) {
        return List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--account-id", "123456789012",
                "--bucket", BenchSetup.BUCKET, "--cluster", "batch", "--subnets", "subnet-0bench",
                "--security-groups", "sg-0bench", "--boundary-arn", BenchSetup.BOUNDARY);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Reads the emulator's first line; the rest of its output is not needed. */
    private static URI endpoint(Process emulator) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the emulator did not start");
    }
}
