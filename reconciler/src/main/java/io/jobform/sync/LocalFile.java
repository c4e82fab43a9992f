package io.jobform.sync;

import java.nio.file.Path;

/** A manifest on disk with the S3 key it syncs to and the hex MD5 of its bytes. */
public record LocalFile(String key, Path path, String md5Hex) {}
