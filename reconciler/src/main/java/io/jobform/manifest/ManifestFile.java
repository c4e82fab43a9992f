package io.jobform.manifest;

/**
 * One manifest as bytes, from any source (a directory, an S3 prefix, a test).
 *
 * @param key     the path relative to the source root, used in every message and in the
 *                {@code jobform.io/manifest} tag
 * @param content the bytes read; empty for a file too large to read ({@link #unread})
 * @param size    the file's size as its source reports it: the loader rejects a manifest over
 *                the size limit from this alone
 */
public record ManifestFile(String key, byte[] content, long size) {

    public ManifestFile(String key, byte[] content) {
        this(key, content, content.length);
    }

    /**
     * A manifest that was listed with {@code size} bytes and deliberately not read: reading a
     * 300 MB object or a 3 GB file to find out it is too large would end the reconcile with an
     * OutOfMemoryError.
     */
    public static ManifestFile unread(String key, long size) {
        return new ManifestFile(key, new byte[0], size);
    }
}
