package io.jobform.reconcile;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.YamlLimits;
import io.jobform.source.ManifestListing;
import io.jobform.source.ManifestSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the whole manifest set. From a remote source, a manifest whose ETag equals the one in
 * the inventory is taken from the inventory's copy: an unchanged set costs one list call. The
 * others are fetched a few at a time: one by one, a first reconcile of 1,000 manifests would
 * spend 1,000 round trips of S3 latency in a row (S3 serves at least 5,500 GETs per second per
 * prefix, "Best practices design patterns: optimizing Amazon S3 performance", so eight at once
 * is far from any limit).
 */
final class ManifestReader {

    record ManifestSet(List<ManifestListing> listing, List<ManifestFile> files, int fetched) {}

    private ManifestReader() {}

    static final int PARALLEL_FETCHES = 8;

    static ManifestSet read(ManifestSource source, Inventory inventory) throws IOException {
        List<ManifestListing> listing = source.list();
        List<Callable<ManifestFile>> reads = new ArrayList<>();
        int fetched = 0;
        for (ManifestListing m : listing) {
            Inventory.ManifestEntry known = inventory.manifests().get(m.key());
            if (m.size() > YamlLimits.DEFAULT.maxBytes()) {
                // Rejected from the listed size alone; the loader names the size and the limit.
                ManifestFile tooLarge = ManifestFile.unread(m.key(), m.size());
                reads.add(() -> tooLarge);
            } else if (source.remote() && known != null && known.etag().equals(m.etag()) && known.content() != null) {
                ManifestFile cached = new ManifestFile(m.key(), known.content().getBytes(StandardCharsets.UTF_8));
                reads.add(() -> cached);
            } else {
                reads.add(() -> new ManifestFile(m.key(), source.read(m)));
                fetched++;
            }
        }
        return new ManifestSet(listing, fetch(reads, source.remote() && fetched > 1), fetched);
    }

    private static List<ManifestFile> fetch(List<Callable<ManifestFile>> reads, boolean parallel) throws IOException {
        ExecutorService pool = parallel ? Executors.newFixedThreadPool(PARALLEL_FETCHES, r -> {
            Thread t = new Thread(r, "jobform-manifest-read");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Future<ManifestFile>> futures = new ArrayList<>();
            for (Callable<ManifestFile> read : reads) {
                futures.add(pool != null ? pool.submit(read) : CompletableFuture.completedFuture(call(read)));
            }
            List<ManifestFile> files = new ArrayList<>();
            for (Future<ManifestFile> f : futures) {
                files.add(BackgroundResult.await(f, "reading manifests"));
            }
            return files;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ManifestFile call(Callable<ManifestFile> read) throws IOException {
        try {
            return read.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The text to cache: only well-formed UTF-8 within the size limit; anything else is fetched every time. */
    static Optional<String> cacheable(byte[] content) {
        if (content.length > YamlLimits.DEFAULT.maxBytes()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
