package io.jobform.manifest;

/**
 * Safety limits applied before a manifest is trusted. A manifest comes from a git push; a
 * hostile or broken one must cost bounded time and memory and end in a Violation.
 *
 * @param maxBytes   largest accepted file
 * @param maxDepth   deepest nesting of mappings and sequences
 * @param maxAliases alias references per file (anchors are rare in manifests; a billion-laughs
 *                   document needs many)
 * @param maxNodes   nodes per document after aliases are expanded
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(256 * 1024, 64, 100, 50_000);
}
