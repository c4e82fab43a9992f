package io.jobform.aws;

/** An object's bytes with the ETag S3 gave it (quotes stripped). */
public record StoredObject(String key, byte[] body, String etag) {}
