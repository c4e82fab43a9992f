package io.jobform.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** IAM's roles as JSON for snapshot/restore. */
final class IamState {
    private IamState() {}

    static JsonNode write(Collection<IamRole> roles, long nextId) {
        ObjectNode state = Json.object();
        state.put("nextId", nextId);
        ArrayNode list = state.putArray("roles");
        for (IamRole r : roles) {
            ObjectNode n = list.addObject();
            n.put("name", r.name).put("path", r.path).put("id", r.id).put("arn", r.arn)
                    .put("created", r.created.toString()).put("trustPolicy", r.trustPolicy)
                    .put("description", r.description).put("maxSessionDuration", r.maxSessionDuration)
                    .put("boundaryArn", r.boundaryArn.orElse(null)).put("usableAt", r.usableAt.toString());
            n.set("tags", Json.mapper().valueToTree(r.tags));
            n.set("inlinePolicies", Json.mapper().valueToTree(r.inlinePolicies));
        }
        return state;
    }

    static List<IamRole> read(JsonNode state) {
        List<IamRole> roles = new ArrayList<>();
        for (JsonNode n : state.path("roles")) {
            IamRole r = new IamRole(n.path("name").asText(), n.path("path").asText(), n.path("id").asText(),
                    n.path("arn").asText(), Instant.parse(n.path("created").asText()));
            r.trustPolicy = n.path("trustPolicy").asText();
            r.description = n.hasNonNull("description") ? n.get("description").asText() : null;
            r.maxSessionDuration = n.path("maxSessionDuration").asInt(3600);
            r.boundaryArn = Optional.ofNullable(n.hasNonNull("boundaryArn") ? n.get("boundaryArn").asText() : null);
            r.usableAt = Instant.parse(n.path("usableAt").asText(r.created.toString()));
            n.path("tags").fields().forEachRemaining(e -> r.tags.put(e.getKey(), e.getValue().asText()));
            n.path("inlinePolicies").fields().forEachRemaining(e -> r.inlinePolicies.put(e.getKey(), e.getValue().asText()));
            roles.add(r);
        }
        return roles;
    }
}
