package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.plan.DesiredFields;
import io.jobform.plan.Masking;
import io.jobform.render.ResourceSpec;
import io.jobform.resource.DesiredResource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rendered resource's request as field path to value, down to single values, so a plan can
 * show each changed field before and after. A list of objects that each carry a distinct name
 * ({@code name}, {@code key}, {@code Sid}, ...) is keyed by it, so tags read by key, environment
 * variables by name and policy statements by Sid, and adding one does not shift the others:
 * {@code tags["team"]}, {@code containerDefinitions[0].environment["LOG_LEVEL"]}. A list of
 * plain values is one value. Sensitive values are masked ({@link Masking}) before they are
 * compared or stored.
 */
public final class SpecValues {
    private static final List<String> KEYS = List.of("name", "Name", "key", "Key", "Sid");

    private SpecValues() {}

    public static DesiredFields fields(DesiredResource resource) {
        return new DesiredFields(of(resource), SpecFields.of(resource));
    }

    public static Map<String, String> of(DesiredResource resource) {
        if (!(resource instanceof ResourceSpec spec)) {
            return Map.of();
        }
        Map<String, String> values = of(spec.body(spec.baseTags()));
        // A schedule's Description is its hash: it changes with every change, it says nothing.
        values.computeIfPresent("Description", (k, v) -> v.startsWith("jobform spec-hash=") ? null : v);
        return values;
    }

    /** A request body as field path to value, sensitive values masked. */
    static Map<String, String> of(JsonNode body) {
        Map<String, String> values = new TreeMap<>();
        flatten("", body, values);
        values.replaceAll(Masking::stored);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject() && !node.isEmpty()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), into);
            }
        } else if (node.isArray() && hasContainers(node)) {
            String key = keyOf(node);
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (key == null) {
                    flatten(path + "[" + i + "]", item, into);
                } else {
                    keyed(path + "[\"" + item.get(key).asText() + "\"]", item, key, into);
                }
            }
        } else {
            into.put(path.isEmpty() ? "(all)" : path, node.isTextual() ? node.asText() : node.toString());
        }
    }

    /** An item without its key: its one other member is its value, as a tag's or a variable's. */
    private static void keyed(String path, JsonNode item, String key, Map<String, String> into) {
        com.fasterxml.jackson.databind.node.ObjectNode rest = item.deepCopy();
        rest.remove(key);
        if (rest.size() == 1) {
            flatten(path, rest.elements().next(), into);
        } else {
            flatten(path, rest, into);
        }
    }

    private static boolean hasContainers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** The member naming every item of the list, distinct per item; null when there is none. */
    private static String keyOf(JsonNode array) {
        for (String key : KEYS) {
            Set<String> seen = new HashSet<>();
            boolean all = true;
            for (JsonNode item : array) {
                JsonNode k = item.get(key);
                if (!item.isObject() || k == null || !k.isTextual() || !seen.add(k.asText())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return key;
            }
        }
        return null;
    }
}
