package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.render.JobGrants;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the stored inventory entry by entry. It is a plain S3 object: truncated, hand-edited or
 * written by an older version, a field may be missing, {@code null} or of the wrong type. Such an
 * entry is dropped instead of failing the reconcile, and the problem is reported once: what the
 * inventory alone vouches for (a role's hash, a job's keep decision) is then unknown, so the
 * reconciler prunes nothing that time.
 */
public final class InventoryReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param problem what was unreadable, when anything was */
    public record Read(Inventory inventory, Optional<String> problem) {}

    private InventoryReader() {}

    /** @param key where the inventory is stored, named in the problem */
    public static Read read(byte[] json, String key) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return new Read(Inventory.empty(), Optional.of(key + " is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Read(Inventory.empty(), Optional.of(key + " is not a JSON object"));
        }
        int[] dropped = {0};
        Map<String, Inventory.ManifestEntry> manifests = entries(root.path("manifests"), dropped, n ->
                text(n, "etag", false).flatMap(etag -> text(n, "job", true).flatMap(job -> bool(n, "valid")
                        .flatMap(valid -> text(n, "content", true).map(content -> new Inventory.ManifestEntry(etag, job,
                                valid, content.isEmpty() && !n.path("content").isTextual() ? null : content))))));
        Map<String, Inventory.ResourceEntry> resources = entries(root.path("resources"), dropped, n ->
                text(n, "arn", false).flatMap(arn -> text(n, "specHash", false).flatMap(hash -> text(n, "job", true)
                        .flatMap(job -> text(n, "manifest", true).flatMap(manifest -> bool(n, "prunable")
                                .flatMap(prunable -> text(n, "modified", true).map(modified ->
                                        new Inventory.ResourceEntry(arn, hash, job, manifest, prunable, modified))))))));
        Map<String, String> digests = entries(root.path("statusDigests"), dropped,
                n -> n.isTextual() ? Optional.of(n.asText()) : Optional.empty());
        Map<String, JobGrants> grants = entries(root.path("grants"), dropped, n -> {
            try {
                return Optional.of(JSON.treeToValue(n, JobGrants.class));
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        Map<String, String> foreign = entries(root.path("foreign"), dropped,
                n -> n.isTextual() ? Optional.of(n.asText()) : Optional.empty());
        boolean shapeOk = root.path("manifests").isObject() && root.path("resources").isObject();
        Inventory inventory = new Inventory(root.path("version").asInt(1), root.path("context").asText(""),
                manifests, resources, digests, grants, foreign);
        if (dropped[0] == 0 && shapeOk) {
            return new Read(inventory, Optional.empty());
        }
        return new Read(inventory, Optional.of(key + (shapeOk ? " has " + dropped[0]
                + " unreadable entr" + (dropped[0] == 1 ? "y" : "ies") : " lacks its manifests or resources")));
    }

    private static <T> Map<String, T> entries(JsonNode map, int[] dropped, Function<JsonNode, Optional<T>> entry) {
        Map<String, T> out = new TreeMap<>();
        if (!map.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<T> value = e.getValue().isObject() || e.getValue().isTextual() ? entry.apply(e.getValue())
                    : Optional.empty();
            value.ifPresentOrElse(v -> out.put(e.getKey(), v), () -> dropped[0]++);
        }
        return out;
    }

    /** A text field; when {@code optional}, a missing or null one reads as empty. */
    private static Optional<String> text(JsonNode node, String field, boolean optional) {
        JsonNode v = node.path(field);
        if (v.isTextual()) {
            return Optional.of(v.asText());
        }
        return optional && (v.isMissingNode() || v.isNull()) ? Optional.of("") : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? Optional.of(v.asBoolean()) : Optional.empty();
    }
}
