package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.emulator.hooks.Fault;
import io.jobform.manifest.Violation;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A manifest over the size limit is rejected from the size its source lists, never read: a
 * 3 GB file or a huge S3 object used to end the whole reconcile with an OutOfMemoryError.
 */
class ManifestSizeIT extends InSandbox {
    private static final String PREFIX = "manifests/";

    @Test
    void aThreeGigabyteSparseFileIsRejectedWithoutBeingRead() throws Exception {
        long size = 3L * 1024 * 1024 * 1024;
        try (RandomAccessFile file = new RandomAccessFile(sandbox.manifests.resolve("huge.yaml").toFile(), "rw")) {
            file.setLength(size); // sparse: no disk space, but reading it whole would need 3 GB of heap
        }
        ReconcileResult result = sandbox.apply();

        assertThat(errors(result)).containsExactly("huge.yaml:1:1: error: file is " + size
                + " bytes; manifests are limited to 262144 bytes (256 KiB)");
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(result.validation().orElseThrow().jobs()).hasSize(6); // the examples are all applied
    }

    @Test
    void anObjectOverTheLimitIsRejectedFromItsListedSizeAndNeverFetched() throws Exception {
        try (Stream<Path> files = Files.list(sandbox.manifests)) {
            for (Path f : files.toList()) {
                sandbox.store.put(PREFIX + f.getFileName(), Files.readAllBytes(f));
            }
        }
        byte[] big = new byte[6 * 1024 * 1024];
        sandbox.store.put(PREFIX + "big.yaml", big);
        // Fetching it would be the defect: the emulator refuses that GET, so a reconcile that tried fails.
        sandbox.emulator.hooks().failAlways("s3:GetObject", Sandbox.BUCKET + "/" + PREFIX + "big\\.yaml",
                Fault.ACCESS_DENIED);

        ReconcileResult result = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(sandbox.store, PREFIX),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { },
                new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200))).reconcile(ReconcileOptions.defaults());

        assertThat(errors(result)).containsExactly("big.yaml:1:1: error: file is " + big.length
                + " bytes; manifests are limited to 262144 bytes (256 KiB)");
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(result.validation().orElseThrow().jobs()).hasSize(6);
        assertThat(sandbox.calls().get("s3:GetObject")).isPositive(); // the other manifests were fetched

        // The inventory caches no text for it, and the next reconcile rejects it again without a GET.
        var inventory = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sandbox.store.get("_jobform/inventory.json").orElseThrow().body());
        assertThat(inventory.path("manifests").path("big.yaml").path("etag").asText()).isNotEmpty();
        assertThat(inventory.path("manifests").path("big.yaml").path("content").asText("")).isEmpty();
        assertThat(inventory.path("manifests").path("nightly-report.yaml").path("content").asText("")).contains("kind: ScheduledJob");
        ReconcileResult again = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(sandbox.store, PREFIX),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { },
                new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200))).reconcile(ReconcileOptions.defaults());
        assertThat(errors(again)).hasSize(1);
        assertThat(again.plan().orElseThrow().hasChanges()).isFalse();
    }

    @Test
    void aBoundedReadTakesOnlyTheHeadOfAnObjectThatGrewAfterItWasListed() throws Exception {
        sandbox.store.put(PREFIX + "grown.yaml", new byte[3 * 1024 * 1024]);
        assertThat(sandbox.store.getAtMost(PREFIX + "grown.yaml", 1000).orElseThrow().body()).hasSize(1000);
        assertThat(sandbox.store.getAtMost(PREFIX + "absent.yaml", 1000)).isEmpty();
        assertThat(sandbox.store.getAtMost(PREFIX + "grown.yaml", 4 * 1024 * 1024).orElseThrow().body())
                .hasSize(3 * 1024 * 1024);
    }

    private static List<String> errors(ReconcileResult result) {
        return result.validation().orElseThrow().violations().stream().filter(Violation::isError)
                .map(Violation::format).toList();
    }
}
