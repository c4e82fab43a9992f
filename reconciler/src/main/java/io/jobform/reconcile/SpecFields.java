package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.render.ResourceSpec;
import io.jobform.resource.DesiredResource;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rendered resource's request as field path to value text in the paths of the older applied
 * records, which kept per-field hashes: paths stop at depth 4 (deeper content is one value). Such
 * a record is compared in these paths until the next apply rewrites it with values
 * ({@link SpecValues}).
 */
public final class SpecFields {
    private static final int MAX_DEPTH = 4;

    private SpecFields() {}

    public static Map<String, String> of(DesiredResource resource) {
        Map<String, String> fields = new TreeMap<>();
        if (resource instanceof ResourceSpec spec) {
            flatten("", spec.body(spec.baseTags()), 0, fields);
            // A schedule's Description is its hash: it changes with every change, it says nothing.
            fields.computeIfPresent("Description", (k, v) -> v.startsWith("jobform spec-hash=") ? null : v);
        }
        return fields;
    }

    /** Any request-shaped body as field path to value text, the same way as {@link #of}. */
    public static Map<String, String> of(JsonNode body) {
        Map<String, String> fields = new TreeMap<>();
        flatten("", body, 0, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, int depth, Map<String, String> into) {
        if (depth >= MAX_DEPTH || !node.isContainerNode() || node.isEmpty()) {
            into.put(path.isEmpty() ? "(all)" : path, node.isTextual() ? node.asText() : node.toString());
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), depth + 1, into);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), depth + 1, into);
        }
    }
}
