package io.jobform.aws;

import io.jobform.source.ManifestListing;
import io.jobform.source.ManifestSource;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Manifests under an S3 prefix ({@code s3://bucket/prefix/}). Listing costs one ListObjectsV2
 * call per 1,000 keys and returns ETags, so unchanged manifests need not be fetched.
 */
public final class S3ManifestSource implements ManifestSource {
    private final ObjectStore store;
    private final String prefix;

    public S3ManifestSource(ObjectStore store, String prefix) {
        this.store = store;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** Parses {@code s3://bucket/prefix}; the prefix may be empty. */
    public static String[] parse(String uri) {
        if (!uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an S3 URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    public String bucket() {
        return store.bucket();
    }

    /** The key prefix, empty or ending with a slash. */
    public String prefix() {
        return prefix;
    }

    @Override
    public String describe() {
        return "s3://" + store.bucket() + "/" + prefix;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public List<ManifestListing> list() {
        return store.list(prefix).stream()
                .map(o -> new ManifestListing(o.key().substring(prefix.length()), o.etag(), o.size()))
                .filter(f -> ManifestListing.isManifestKey(f.key()) && !f.key().startsWith("_jobform/"))
                .sorted(Comparator.comparing(ManifestListing::key))
                .toList();
    }

    @Override
    public byte[] read(ManifestListing file) throws IOException {
        return store.getAtMost(prefix + file.key(), READ_LIMIT)
                .orElseThrow(() -> new IOException("s3://" + store.bucket() + "/" + prefix + file.key()
                        + " disappeared while reconciling"))
                .body();
    }
}
