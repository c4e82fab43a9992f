package io.jobform.manifest;

import java.util.List;

/**
 * The outcome of reading one manifest file: its mapping documents and the problems that left
 * no usable document (unreadable file, malformed YAML, limits, a document that is not a mapping).
 * Problems inside a usable document are carried by {@link YamlDocument#problems()}.
 */
public record LoadedFile(String key, List<YamlDocument> documents, List<Violation> violations) {

    public LoadedFile {
        documents = List.copyOf(documents);
        violations = List.copyOf(violations);
    }
}
