package io.jobform.it;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.config.InstanceConfig;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.manifest.Network;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One emulator, real SDK clients pointed at it, and a writable copy of the example manifests:
 * what every reconcile integration test starts from.
 */
final class Sandbox implements AutoCloseable {
    static final String BUCKET = "jobform-it";

    final Emulator emulator;
    final AwsClients clients;
    final ObjectStore store;
    final Path manifests;
    final List<String> progress = new ArrayList<>();

    Sandbox(Path workDir) {
        this(workDir, EmulatorOptions.defaults());
    }

    Sandbox(Path workDir, EmulatorOptions options) {
        this.emulator = Emulator.start(options);
        // Rates scaled far up: the tests count calls, they do not wait for AWS's pace.
        this.clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()), new RateLimits(1000));
        this.store = bucket(BUCKET);
        this.manifests = workDir.resolve("manifests");
        copyExamples(manifests);
    }

    static InstanceConfig config(String instance) {
        return new InstanceConfig(instance, "aws", EmulatorOptions.DEFAULT_REGION, EmulatorOptions.DEFAULT_ACCOUNT,
                "jobform-local", Optional.of(new Network(List.of("subnet-local"), List.of("sg-local"), false)),
                Optional.of("arn:aws:iam::123456789012:policy/jobform-boundary"));
    }

    Reconciler reconciler(String instance) {
        return reconciler(config(instance), manifests);
    }

    Reconciler reconciler(InstanceConfig config, Path dir) {
        return reconciler(config, dir, store);
    }

    /** A reconciler keeping its status, inventory and lease in {@code bucket}: another instance's. */
    Reconciler reconciler(InstanceConfig config, Path dir, ObjectStore bucket) {
        return new Reconciler(config, new DirectoryManifestSource(dir), bucket, clients, Clock.systemUTC(),
                progress::add, new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    /** A bucket in the emulator, created when missing. */
    ObjectStore bucket(String name) {
        ObjectStore bucket = new ObjectStore(clients.s3, name);
        bucket.createBucketIfMissing();
        return bucket;
    }

    ReconcileResult apply(ReconcileOptions options) {
        try {
            return reconciler("jobform").reconcile(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    ReconcileResult apply() {
        return apply(ReconcileOptions.defaults());
    }

    /** Calls since the last reset, by {@code service:Operation}. */
    Map<String, Long> calls() {
        return new TreeMap<>(emulator.hooks().callCounts());
    }

    Map<String, Long> mutatingCalls() {
        Map<String, Long> out = new TreeMap<>();
        calls().forEach((k, v) -> {
            String op = k.substring(k.indexOf(':') + 1);
            if (!(op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe") || op.startsWith("Head"))) {
                out.put(k, v);
            }
        });
        return out;
    }

    void resetCalls() {
        emulator.hooks().resetCounters();
    }

    /** Replaces text in one of the sandbox's manifests; fails when the text is not there. */
    void edit(String file, String from, String to) {
        Path path = manifests.resolve(file);
        try {
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String file) {
        try {
            Files.delete(manifests.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, String text) {
        try {
            Files.writeString(manifests.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources a result changed, as {@code action Kind/name}, in plan order. */
    static List<String> changes(ReconcileResult result) {
        return result.plan().orElseThrow().mutating().stream()
                .map(c -> c.action().word() + " " + c.id()).toList();
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("jobform.root", "..")).toAbsolutePath().normalize();
    }

    static void copyExamples(Path target) {
        Path source = repoRoot().resolve("manifests");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.close();
        emulator.close();
    }
}
