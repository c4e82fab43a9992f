package io.jobform.iam;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One authorization request: an action on a resource ARN with the request context keys AWS
 * sends along (condition key -> values; keys are case-insensitive in IAM).
 */
public record AccessRequest(String action, String resource, Map<String, List<String>> context) {

    public AccessRequest {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.forEach((k, v) -> keys.put(k, List.copyOf(v)));
        context = java.util.Collections.unmodifiableMap(keys);
    }

    public static AccessRequest of(String action, String resource) {
        return new AccessRequest(action, resource, Map.of());
    }

    public AccessRequest with(String key, String value) {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.putAll(context);
        keys.put(key, List.of(value));
        return new AccessRequest(action, resource, keys);
    }

    @Override
    public String toString() {
        return action + " on " + resource + (context.isEmpty() ? "" : " " + context);
    }
}
