package io.jobform.sync;

/** An object under the target prefix as listed: key and ETag (quotes removed). */
public record RemoteObject(String key, String etag) {}
