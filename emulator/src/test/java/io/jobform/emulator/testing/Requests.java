package io.jobform.emulator.testing;

import io.jobform.emulator.core.AwsRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds requests the way the server hands them to a service. */
public final class Requests {
    private Requests() {}

    public static AwsRequest json(String service, String target, String body) {
        return new AwsRequest("POST", "/", Map.of(), Map.of("x-amz-target", target), body.getBytes(StandardCharsets.UTF_8),
                service, "us-east-1", "123456789012");
    }

    public static AwsRequest rest(String service, String method, String path, Map<String, List<String>> query, String body) {
        return new AwsRequest(method, path, new LinkedHashMap<>(query), Map.of(), body.getBytes(StandardCharsets.UTF_8),
                service, "us-east-1", "123456789012");
    }
}
