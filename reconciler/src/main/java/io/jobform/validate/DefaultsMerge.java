package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges a JobDefaults document into a ScheduledJob document, on the parsed trees before
 * binding: the job wins; mappings merge key by key, lists and scalars are replaced whole.
 * The defaults' {@code spec.labels} merge into the job's {@code metadata.labels}.
 */
public final class DefaultsMerge {

    private DefaultsMerge() {}

    public static ObjectNode merge(ObjectNode defaults, ObjectNode job) {
        ObjectNode merged = job.deepCopy();
        ObjectNode defaultSpec = defaults.path("spec").isObject() ? ((ObjectNode) defaults.get("spec")).deepCopy()
                : merged.objectNode();
        JsonNode defaultLabels = defaultSpec.remove("labels");
        merged.set("spec", deepMerge(defaultSpec, merged.path("spec")));
        if (defaultLabels != null && defaultLabels.isObject()) {
            ObjectNode metadata = merged.path("metadata").isObject() ? (ObjectNode) merged.get("metadata")
                    : merged.putObject("metadata");
            metadata.set("labels", deepMerge((ObjectNode) defaultLabels, metadata.path("labels")));
        }
        return merged;
    }

    static ObjectNode deepMerge(ObjectNode base, JsonNode over) {
        ObjectNode result = base.deepCopy();
        if (!over.isObject()) {
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = result.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                result.set(e.getKey(), deepMerge((ObjectNode) existing, e.getValue()));
            } else {
                result.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return result;
    }
}
