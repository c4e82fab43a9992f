package io.jobform.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One document of a manifest file: a JSON object plus where each of its nodes came from.
 *
 * @param start where the document's mapping starts
 */
public record YamlDocument(String file, ObjectNode tree, PositionIndex positions, SourcePosition start) {}
