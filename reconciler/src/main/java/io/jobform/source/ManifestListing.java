package io.jobform.source;

/**
 * One manifest as a source lists it.
 *
 * @param key  the path relative to the source root, with {@code /} separators (e.g. {@code team/nightly.yaml})
 * @param etag changes whenever the content does (the S3 ETag, or a content hash for a directory)
 * @param size the size in bytes the listing reports (S3 {@code Size}, the file's length): a
 *             manifest over the limit is rejected from it, without being read
 */
public record ManifestListing(String key, String etag, long size) {

    /** Only YAML files count as manifests. */
    public static boolean isManifestKey(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
}
