package io.jobform.manifest;

import java.util.List;

/**
 * The outcome of reading one manifest file: its well-formed documents and what was wrong.
 * A document with a YAML-level error (duplicate key, too deep, not a mapping) is left out.
 */
public record LoadedFile(String key, List<YamlDocument> documents, List<Violation> violations) {

    public LoadedFile {
        documents = List.copyOf(documents);
        violations = List.copyOf(violations);
    }
}
