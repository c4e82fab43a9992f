package io.jobform.emulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON reading and writing shared by the JSON protocols and the admin endpoints. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; an empty body is an empty object, malformed JSON a 400. */
    public static JsonNode parseBody(byte[] body, String errorCode) {
        if (body.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new AwsException(400, errorCode, "Malformed JSON request body");
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AwsResponse response(int status, String contentType, JsonNode node) {
        return new AwsResponse(status, Map.of("Content-Type", contentType),
                write(node).getBytes(StandardCharsets.UTF_8));
    }
}
