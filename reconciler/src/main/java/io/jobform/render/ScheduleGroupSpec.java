package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.Map;
import java.util.Optional;

/** The instance's EventBridge Scheduler schedule group (CreateScheduleGroup: Name, Tags). */
public record ScheduleGroupSpec(String name, Map<String, String> baseTags) implements ResourceSpec {

    public ScheduleGroupSpec {
        baseTags = Map.copyOf(baseTags);
    }

    @Override
    public ResourceId id() {
        return new ResourceId(ResourceKind.SCHEDULE_GROUP, name);
    }

    @Override
    public Optional<String> job() {
        return Optional.empty();
    }

    @Override
    public JsonNode body(Map<String, String> tags) {
        ObjectNode out = CanonicalJson.object();
        out.put("Name", name);
        out.set("Tags", Tags.keyValue(tags, "Key", "Value"));
        return out;
    }
}
