package io.jobform.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response as a service produces it; the server adds request ids and lengths. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    public static AwsResponse of(int status, String contentType, String body) {
        return new AwsResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse empty(int status) {
        return new AwsResponse(status, Map.of(), new byte[0]);
    }
}
