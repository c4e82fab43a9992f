package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What {@code jobform render} prints and golden files hold: each resource as {@code Kind/name}
 * with its spec hash and request body (policy documents and the ASL shown as JSON objects).
 */
public final class RenderDocument {

    private RenderDocument() {}

    public static JsonNode of(List<? extends ResourceSpec> resources) {
        ObjectNode out = CanonicalJson.object();
        for (ResourceSpec r : resources) {
            ObjectNode entry = out.putObject(r.id().toString());
            entry.put("specHash", r.specHash());
            entry.set("request", r.request());
        }
        return out;
    }
}
