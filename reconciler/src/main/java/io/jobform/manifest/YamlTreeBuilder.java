package io.jobform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns one composed YAML node into a Jackson tree and records each node's position by JSON
 * pointer. Reports duplicate keys (both positions), non-scalar keys, unknown tags and
 * documents that are not a mapping. One builder per document.
 */
final class YamlTreeBuilder {

    record Built(Optional<YamlDocument> document, List<Violation> problems) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final YamlLimits limits;
    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();
    private final List<Violation> problems = new ArrayList<>();
    private int nodes;

    YamlTreeBuilder(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    Built build(Node root) {
        SourcePosition start = pos(root);
        if (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && scalar.getValue().isEmpty()) {
            return new Built(Optional.empty(), List.of(Violation.error(start, "", "", "empty YAML document")));
        }
        if (!(root instanceof MappingNode)) {
            return new Built(Optional.empty(), List.of(Violation.error(start, "", "",
                    "a manifest document must be a mapping (apiVersion, kind, metadata, spec), found a "
                            + describe(root))));
        }
        JsonNode tree;
        try {
            tree = convert(root, "", 1);
        } catch (LimitExceeded e) {
            return new Built(Optional.empty(), List.of(Violation.error(start, "", "", "document expands to more than "
                    + limits.maxNodes() + " nodes or " + limits.maxDepth() + " levels (possible alias bomb)")));
        }
        return new Built(Optional.of(new YamlDocument(file, (ObjectNode) tree, new PositionIndex(values, keys), start,
                problems)), List.of());
    }

    private JsonNode convert(Node node, String pointer, int depth) {
        values.put(pointer, pos(node));
        if (++nodes > limits.maxNodes()) {
            throw new LimitExceeded();
        }
        if (depth > limits.maxDepth()) {
            throw new LimitExceeded();
        }
        if (!(node instanceof ScalarNode) && !node.getTag().equals(Tag.MAP) && !node.getTag().equals(Tag.SEQ)) {
            problems.add(Violation.error(pos(node), "", "", "YAML tag " + node.getTag() + " is not allowed in manifests"));
        }
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, pointer, depth);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), pointer + "/" + i, depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node, pointer);
    }

    private JsonNode mapping(MappingNode mapping, String pointer, int depth) {
        ObjectNode object = JSON.objectNode();
        Map<String, SourcePosition> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(Violation.error(pos(keyNode), "", "", "mapping keys must be plain strings, found a "
                        + describe(keyNode)));
                continue;
            }
            String key = scalarKey.getValue();
            if (UnpairedSurrogate.in(key)) {
                problems.add(Violation.error(pos(keyNode), "", "", UnpairedSurrogate.MESSAGE));
                key = UnpairedSurrogate.replaced(key);
            }
            String child = pointer + PositionIndex.segment(key);
            SourcePosition first = seen.putIfAbsent(key, pos(keyNode));
            if (first != null) {
                problems.add(Violation.error(pos(keyNode), "", PositionIndex.fieldPath(child),
                        "duplicate key '" + key + "' (first defined at " + first + ")"));
                problems.add(Violation.error(first, "", PositionIndex.fieldPath(child),
                        "duplicate key '" + key + "' (defined again at " + pos(keyNode) + ")"));
                continue;
            }
            keys.put(child, pos(keyNode));
            object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        return object;
    }

    private JsonNode scalar(ScalarNode node, String pointer) {
        Tag tag = node.getTag();
        String text = node.getValue();
        if (UnpairedSurrogate.in(text)) {
            // Reported on the document, not the file, so the job is still known by kind and name
            // and only it is frozen: the file is readable, one value in it is not storable.
            problems.add(Violation.error(pos(node), "", PositionIndex.fieldPath(pointer), UnpairedSurrogate.MESSAGE));
            return JSON.textNode(UnpairedSurrogate.replaced(text));
        }
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return JSON.booleanNode(text.equalsIgnoreCase("true"));
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                double value = Double.parseDouble(text);
                // 1e999 overflows a double; as a decimal it stays a number the schema can judge
                // (a double's infinity breaks the schema library's enum and range checks).
                return Double.isFinite(value) ? JSON.numberNode(value) : JSON.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return JSON.textNode(text); // .inf and .nan have no JSON form; the schema rejects them
            }
        }
        if (!tag.equals(Tag.STR)) {
            problems.add(Violation.error(pos(node), "", "", "YAML tag " + tag + " is not allowed in manifests"));
        }
        return JSON.textNode(text);
    }

    private static JsonNode integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        BigInteger value;
        if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
            value = new BigInteger(digits.substring(2), 8);
        } else {
            value = new BigInteger(digits);
        }
        value = negative ? value.negate() : value;
        if (value.bitLength() < 32) {
            return JSON.numberNode(value.intValue()); // as Jackson itself would read it
        }
        return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
    }

    private SourcePosition pos(Node node) {
        return node.getStartMark().map(m -> ManifestLoader.position(file, m)).orElse(SourcePosition.startOf(file));
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "list";
        }
        if (node instanceof MappingNode) {
            return "mapping";
        }
        return "scalar";
    }

    /** Thrown inside the recursion only; {@link #build} turns it into a Violation. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded() {
            super("too many nodes", null, false, false);
        }
    }
}
