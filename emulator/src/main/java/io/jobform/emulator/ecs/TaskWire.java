package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.Iterator;
import java.util.Map;

/**
 * A task in Step Functions' form (PascalCase members, epoch milliseconds) turned into the ECS
 * API's (camelCase members, timestamps as epoch seconds; botocore ecs/2014-11-13 Task shape).
 */
final class TaskWire {
    private TaskWire() {}

    static JsonNode api(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonBody.mapper().createArrayNode();
            node.forEach(n -> out.add(api(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonBody.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1);
            JsonNode value = e.getValue();
            if (name.endsWith("At") && value.isNumber()) {
                out.put(name, value.asLong() / 1000.0);
            } else {
                out.set(name, api(value));
            }
        }
        return out;
    }
}
