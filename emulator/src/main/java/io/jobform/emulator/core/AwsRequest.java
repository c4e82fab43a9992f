package io.jobform.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a service sees it. Header names are lower-case; query values are
 * URL-decoded. {@code service} is the signing name taken from the SigV4 credential scope
 * (s3, ecs, scheduler, states, iam, tagging), which is how the server routes.
 */
public record AwsRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body,
        String service,
        String region,
        String accountId) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The JSON protocols' operation: the part of X-Amz-Target after the dot. */
    public Optional<String> targetOperation() {
        return header("x-amz-target").map(t -> t.substring(t.indexOf('.') + 1));
    }

    /** The id the server assigned to this request (also sent back in the response headers). */
    public String requestId() {
        return header(REQUEST_ID_HEADER).orElse("");
    }

    /** Internal header through which the server hands the request id to the services. */
    public static final String REQUEST_ID_HEADER = "x-jobform-request-id";

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
