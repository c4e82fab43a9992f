package io.jobform.emulator.s3;

import java.time.Instant;
import java.util.Map;

/** One stored object version (buckets are unversioned: a put replaces it). */
record S3Object(String key, byte[] data, String etag, Instant lastModified, String contentType,
                Map<String, String> metadata) {

    /** The ETag header value: the MD5 hex in double quotes, as S3 sends it. */
    String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
