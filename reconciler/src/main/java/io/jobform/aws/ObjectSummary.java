package io.jobform.aws;

/** One listed object: key and ETag (quotes stripped), no body. */
public record ObjectSummary(String key, String etag, long size) {}
