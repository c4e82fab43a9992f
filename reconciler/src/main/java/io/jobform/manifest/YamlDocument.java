package io.jobform.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One document of a manifest file: a JSON object plus where each of its nodes came from.
 *
 * @param start    where the document's mapping starts
 * @param problems YAML-level errors inside this document (duplicate keys, non-string keys, tags):
 *                 the tree is still usable to read the job's name, but the document is invalid
 */
public record YamlDocument(String file, ObjectNode tree, PositionIndex positions, SourcePosition start,
        List<Violation> problems) {

    public YamlDocument {
        problems = List.copyOf(problems);
    }
}
