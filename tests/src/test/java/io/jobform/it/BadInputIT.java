package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.manifest.Violation;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the whole reconcile, from S3 keys with spaces, unicode, '+' and '%': every
 * file of the bad-input corpus, and seeded random damage, replaces one job's manifest while
 * another job changes. The damaged job's resources stay exactly as they were (frozen), the other
 * job is reconciled, nothing fails, and every error names the S3 key with line and column.
 */
class BadInputIT extends InSandbox {
    static final String PREFIX = "manifests/";

    JsonNode reconciled;

    /** Job i's manifest key: spaces, unicode, '+', '=' and '@' (all valid in the manifest tag). */
    static String key(int i) {
        return PREFIX + switch (i % 4) {
            case 0 -> "team a/job %02d.yaml".formatted(i);
            case 1 -> "équipe-β/job-%02d.yaml".formatted(i);
            case 2 -> "c++/job+%02d.yaml".formatted(i);
            default -> "a=b/job@%02d.yaml".formatted(i);
        };
    }

    @BeforeEach
    void start() throws IOException {
        Path dir = work.resolve("jobs");
        ChangeSet.before(dir);
        for (int i = 0; i < 20; i++) {
            sandbox.store.put(key(i), Files.readAllBytes(dir.resolve("job-%02d.yaml".formatted(i))));
        }
        ReconcileResult first = reconcile();
        assertThat(first.apply().orElseThrow().failures()).isEmpty();
        assertThat(first.validation().orElseThrow().jobs()).hasSize(20);
        reconciled = sandbox.emulator.snapshot();
    }

    private ReconcileResult reconcile() {
        Reconciler reconciler = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(sandbox.store, PREFIX),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { },
                new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200)));
        try {
            return reconciler.reconcile(ReconcileOptions.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> of(Map<String, String> fingerprint, String job) {
        Map<String, String> out = new TreeMap<>();
        fingerprint.forEach((k, v) -> {
            if (k.matches(".*jobform-" + job + "(:\\d+)?") && !v.equals("absent")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Replaces job-05's manifest with {@code bytes}, changes job-07, reconciles, checks; returns a problem or "". */
    private String damage(String label, byte[] bytes) {
        sandbox.emulator.restore(reconciled);
        Map<String, String> before = AwsStateFingerprint.ofJobs(sandbox.clients, "jobform", List.of("job-05", "job-07"));
        sandbox.store.put(key(5), bytes);
        sandbox.store.put(key(7), ChangeSet.job(7, "7.7", "7 2 * * *", 3600, false, "x")
                .getBytes(StandardCharsets.UTF_8));
        ReconcileResult result = reconcile();
        Map<String, String> after = AwsStateFingerprint.ofJobs(sandbox.clients, "jobform", List.of("job-05", "job-07"));
        List<Violation> errors = result.validation().orElseThrow().violations().stream().filter(Violation::isError)
                .toList();
        String key = key(5).substring(PREFIX.length());
        List<String> problems = new ArrayList<>();
        if (!result.apply().orElseThrow().failures().isEmpty()) {
            problems.add("failures " + result.apply().orElseThrow().failures());
        }
        if (errors.isEmpty() || !errors.stream().allMatch(v -> v.format().startsWith(key + ":" + v.position().line()
                + ":" + v.position().column() + ": error: ") && !v.format().contains("Exception"))) {
            problems.add("errors " + errors.stream().map(Violation::format).toList());
        }
        if (!of(before, "job-05").equals(of(after, "job-05"))) {
            problems.add("job-05 changed: " + of(after, "job-05"));
        }
        if (of(after, "job-07").keySet().stream().noneMatch(k -> k.endsWith("jobform-job-07:2"))) {
            problems.add("job-07 not reconciled: " + of(after, "job-07").keySet());
        }
        List<String> changed = Sandbox.changes(result);
        if (changed.stream().anyMatch(c -> c.contains("job-05"))) {
            problems.add("planned for job-05: " + changed);
        }
        return problems.isEmpty() ? "" : label + ": " + problems;
    }

    @Test
    void everyCorpusFileFreezesItsJobAndTheOthersProceed() throws IOException {
        List<String> failed = new ArrayList<>();
        int count = 0;
        // CI takes every fourth file (each costs a reconcile); -Pfuzz (jobform.badinput.all) takes all.
        int step = Boolean.getBoolean("jobform.badinput.all") ? 1 : 4;
        try (Stream<Path> files = Files.list(Sandbox.repoRoot().resolve("reconciler/src/test/resources/bad-input"))) {
            List<Path> all = files.sorted().toList();
            for (int f = 0; f < all.size(); f += step) {
                Path file = all.get(f);
                count++;
                String problem = damage(file.getFileName().toString(), Files.readAllBytes(file));
                if (!problem.isEmpty()) {
                    failed.add(problem);
                }
            }
        }
        // Generated rather than committed: a 10 MB file, and nesting a thousand levels deep.
        byte[] huge = ("apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: job-05\nspec:\n"
                + "  input:\n" + "    k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                .repeat(10 * 1024 * 1024 / 88)).getBytes(StandardCharsets.UTF_8);
        assertThat(huge.length).isGreaterThan(10_000_000);
        failed.add(damage("10 MB file", huge));
        failed.add(damage("1000 levels", ("x: " + "[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8)));
        failed.removeIf(String::isEmpty);
        System.out.printf("bad input through reconcile: %d corpus files + 2 generated%n", count);
        assertThat(failed).isEmpty();
    }

    /**
     * A key with '%' (here the URL-encoded form of a space, as a sync tool might write it) cannot
     * be the jobform.io/manifest tag: its job is invalid with a message naming the key, nothing is
     * created for it, and the other jobs are unaffected.
     */
    @Test
    void aKeyThatCannotBeATagValueIsAnErrorNotAFailedApply() {
        sandbox.store.put(PREFIX + "100%/job%2020.yaml", ChangeSet.job(20, "1.0", "0 3 * * *", 3600, true, "x")
                .getBytes(StandardCharsets.UTF_8));
        ReconcileResult result = reconcile();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(result.validation().orElseThrow().violations()).extracting(Violation::format).containsExactly(
                "100%/job%2020.yaml:1:1: error: manifest key '100%/job%2020.yaml' becomes the jobform.io/manifest tag, "
                        + "and AWS tag values allow only letters, digits, spaces and _ . : / = + - @; rename the file");
        assertThat(Sandbox.changes(result)).isEmpty();
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines()).hasSize(20);
        // The job's status object says why it is frozen, naming the key.
        com.fasterxml.jackson.databind.JsonNode status;
        try {
            status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    sandbox.store.get("_jobform/status/job-20.json").orElseThrow().body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(status.path("manifest").asText()).isEqualTo("100%/job%2020.yaml");
        assertThat(status.path("valid").asBoolean()).isFalse();
        assertThat(status.path("synced").asBoolean()).isFalse();
        assertThat(status.path("errors")).hasSize(1);
        assertThat(status.path("errors").get(0).asText()).contains("manifest key '100%/job%2020.yaml'")
                .contains("rename the file");
    }

    @Test
    void seededRandomDamageNeverChangesTheFrozenJob() {
        String valid = ChangeSet.job(5, "1.0", "5 2 * * *", 3600, false, "x");
        Random random = new Random(20261123);
        List<String> failed = new ArrayList<>();
        int invalid = 0;
        int tries = Boolean.getBoolean("jobform.badinput.all") ? 60 : 20;
        for (int n = 0; n < tries; n++) {
            byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(bytes.length);
            byte[] damaged = switch (n % 3) {
                case 0 -> java.util.Arrays.copyOf(bytes, at);
                case 1 -> {
                    byte[] out = bytes.clone();
                    out[at] = (byte) random.nextInt(256);
                    yield out;
                }
                default -> (valid.substring(0, at) + ": [" + valid.substring(at)).getBytes(StandardCharsets.UTF_8);
            };
            var report = new io.jobform.validate.Validator().validate(List.of(new io.jobform.manifest.ManifestFile(
                    key(5).substring(PREFIX.length()), damaged)), "jobform");
            if (report.valid()) {
                continue; // harmless damage (a comment, a space): a valid change may apply
            }
            invalid++;
            failed.add(damage("mutation " + n, damaged));
        }
        failed.removeIf(String::isEmpty);
        System.out.printf("random damage through reconcile: %d invalid mutations%n", invalid);
        assertThat(invalid).isGreaterThan(tries / 3);
        assertThat(failed).isEmpty();
    }
}
