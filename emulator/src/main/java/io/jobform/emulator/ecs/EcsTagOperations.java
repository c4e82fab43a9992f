package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource for task definition ARNs. */
final class EcsTagOperations {
    private EcsTagOperations() {}

    static ObjectNode tag(TaskDefinitionStore store, Fields in) {
        TaskDefinitionStore.Revision target = resolve(store, in);
        if (!in.has("tags")) {
            throw EcsErrors.invalidParameter("tags must not be null.");
        }
        Map<String, String> merged = new LinkedHashMap<>(target.tags);
        merged.putAll(EcsTags.read(in.objects("tags")));
        EcsTags.checkCount(merged.size());
        target.tags.clear();
        target.tags.putAll(merged);
        return JsonBody.object();
    }

    static ObjectNode untag(TaskDefinitionStore store, Fields in) {
        TaskDefinitionStore.Revision target = resolve(store, in);
        if (!in.has("tagKeys")) {
            throw EcsErrors.invalidParameter("tagKeys must not be null.");
        }
        in.strings("tagKeys").forEach(target.tags::remove);
        return JsonBody.object();
    }

    static ObjectNode list(TaskDefinitionStore store, Fields in) {
        ObjectNode out = JsonBody.object();
        out.set("tags", render(resolve(store, in).tags));
        return out;
    }

    static ArrayNode render(Map<String, String> tags) {
        ArrayNode out = JsonBody.mapper().createArrayNode();
        tags.forEach((k, v) -> out.addObject().put("key", k).put("value", v));
        return out;
    }

    private static TaskDefinitionStore.Revision resolve(TaskDefinitionStore store, Fields in) {
        String arn = in.string("resourceArn").orElseThrow(() -> EcsErrors.invalidParameter("resourceArn must not be null."));
        if (!arn.startsWith("arn:") || !arn.contains(":task-definition/")) {
            throw EcsErrors.invalidParameter("The ARN provided is invalid or not supported by this endpoint: " + arn);
        }
        return store.findByArn(arn)
                .filter(r -> !r.status().equals("DELETE_IN_PROGRESS"))
                .orElseThrow(() -> EcsErrors.resourceNotFound("The specified resource could not be found: " + arn));
    }
}
