package io.jobform.emulator.jsonapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reading request bodies and writing responses for the JSON protocols (awsJson1.0/1.1 and
 * restJson1). Timestamps are epoch seconds with fractional milliseconds, which is the default
 * wire format of all three protocols.
 */
public final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An empty body reads as {}; malformed JSON is the service's own input error. */
    public static Fields parse(byte[] body, Function<String, ? extends RuntimeException> invalid) {
        if (body == null || body.length == 0) {
            return new Fields(object(), "", invalid);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return new Fields(object(), "", invalid);
            }
            if (!node.isObject()) {
                throw invalid.apply("Request body must be a JSON object");
            }
            return new Fields((ObjectNode) node, "", invalid);
        } catch (IOException e) {
            throw invalid.apply("Could not parse request body as JSON");
        }
    }

    public static AwsResponse ok(String contentType, JsonNode body) {
        try {
            return AwsResponse.of(200, contentType, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    /** Timestamps arrive as epoch seconds (number) from the SDKs, or ISO-8601 from hand-written JSON. */
    public static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
        }
        return Instant.parse(node.asText());
    }
}
