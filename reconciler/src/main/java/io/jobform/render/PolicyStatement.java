package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One IAM policy statement.
 *
 * @param principalService for trust policies: the service allowed to assume the role
 * @param resources        empty for trust policies
 * @param condition        operator -> key -> values, e.g. {@code StringEquals -> iam:PassedToService -> [...]}
 */
public record PolicyStatement(
        String sid,
        String effect,
        Optional<String> principalService,
        List<String> actions,
        List<String> resources,
        Map<String, Map<String, List<String>>> condition) {

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        condition = Map.copyOf(condition);
    }

    public static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return new PolicyStatement(sid, "Allow", Optional.empty(), actions, resources, Map.of());
    }

    public PolicyStatement when(String operator, String key, List<String> values) {
        Map<String, Map<String, List<String>>> merged = new TreeMap<>(condition);
        Map<String, List<String>> keys = new TreeMap<>(merged.getOrDefault(operator, Map.of()));
        keys.put(key, List.copyOf(values));
        merged.put(operator, keys);
        return new PolicyStatement(sid, effect, principalService, actions, resources, merged);
    }

    public JsonNode toJson() {
        ObjectNode out = CanonicalJson.object();
        if (!sid.isEmpty()) {
            out.put("Sid", sid);
        }
        out.put("Effect", effect);
        principalService.ifPresent(service -> out.putObject("Principal").put("Service", service));
        out.set("Action", strings(actions));
        if (!resources.isEmpty()) {
            out.set("Resource", strings(resources));
        }
        if (!condition.isEmpty()) {
            ObjectNode conditions = out.putObject("Condition");
            new TreeMap<>(condition).forEach((operator, keys) -> {
                ObjectNode byKey = conditions.putObject(operator);
                new TreeMap<>(keys).forEach((key, values) -> byKey.set(key, strings(values)));
            });
        }
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = CanonicalJson.array();
        values.forEach(array::add);
        return array;
    }
}
