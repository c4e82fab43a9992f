package io.jobform.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON (object keys sorted, no whitespace) and the spec hash over it: the first 16
 * lowercase hex characters of SHA-256. Key order and YAML formatting therefore never change a hash.
 */
public final class CanonicalJson {

    /** Configured once here and never reconfigured: shared read-only. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A copy of {@code node} whose objects have their keys in sorted order, recursively. */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = object();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = array();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /** Sorted keys, no whitespace. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree cannot be written", e);
        }
    }

    /** Sorted keys, indented: for people reading render output and golden files. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree cannot be written", e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The spec hash of a resource's content. */
    public static String hash(JsonNode content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
