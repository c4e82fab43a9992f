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

    /**
     * The one definition of a manifest file, shared by validate, plan and apply (folder or S3),
     * sync and the Lambda's event filter, so none of them can count a file another ignores (a job
     * that validate never saw must not be pruned by sync, nor one that sync never uploaded be
     * reconciled): a key relative to the manifest root ending in {@code .yaml} or {@code .yml} in
     * any letter case, with no hidden segment ({@code .git/}, {@code .x.yaml}), not under
     * {@code _jobform/}.
     */
    public static boolean isManifestKey(String key) {
        String lower = key.replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
        return (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !lower.startsWith(OWN_OBJECTS)
                && java.util.Arrays.stream(lower.split("/")).noneMatch(s -> s.startsWith("."));
    }

    /** jobform's own objects (lease, inventory, status) when the manifest root is the bucket's root. */
    public static final String OWN_OBJECTS = "_jobform/";
}
