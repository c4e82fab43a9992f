package io.jobform.manifest;

/**
 * One manifest as bytes, from any source (a directory, an S3 prefix, a test).
 *
 * @param key the path relative to the source root, used in every message and in the
 *            {@code jobform.io/manifest} tag
 */
public record ManifestFile(String key, byte[] content) {}
