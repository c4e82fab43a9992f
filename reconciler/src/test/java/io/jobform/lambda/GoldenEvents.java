package io.jobform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden event payloads under src/test/resources/io/jobform/lambda/events. */
final class GoldenEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private GoldenEvents() {}

    static byte[] bytes(String name) {
        try (InputStream in = GoldenEvents.class.getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden event " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
