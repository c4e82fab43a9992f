package io.jobform.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Validates the manifests under a directory before anything is uploaded. */
@FunctionalInterface
public interface ManifestCheck {

    /** @param lines one compiler-style line per finding ({@code file:line:column: error: ...}) */
    record Result(boolean valid, int files, List<String> lines) {}

    Result check(Path dir, String instance) throws IOException;
}
