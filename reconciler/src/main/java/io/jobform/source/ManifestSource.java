package io.jobform.source;

import io.jobform.manifest.YamlLimits;
import java.io.IOException;
import java.util.List;

/** Where manifests come from: a directory or an S3 prefix. */
public interface ManifestSource {

    /**
     * The most bytes {@link #read} returns: one more than a manifest may have, so that a file
     * that grew past the limit after it was listed is still rejected as too large, and never
     * read whole.
     */
    int READ_LIMIT = YamlLimits.DEFAULT.maxBytes() + 1;

    /** The source as the user wrote it, e.g. {@code manifests/} or {@code s3://bucket/manifests/}. */
    String describe();

    /** Every manifest with its ETag, sorted by key; reading none of them. */
    List<ManifestListing> list() throws IOException;

    /** The manifest's bytes, at most {@link #READ_LIMIT} of them. */
    byte[] read(ManifestListing file) throws IOException;

    /** True when reading costs a remote call: the inventory then caches manifest contents by ETag. */
    default boolean remote() {
        return false;
    }
}
