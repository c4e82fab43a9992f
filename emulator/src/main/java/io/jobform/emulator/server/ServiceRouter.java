package io.jobform.emulator.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the signing service and region of a request the way AWS's front door does: from the
 * SigV4 credential scope ({@code Credential=AKID/date/region/service/aws4_request}) in the
 * Authorization header or a presigned URL's X-Amz-Credential; an unsigned request falls back
 * to its shape (X-Amz-Target prefix, form {@code Action=}, Scheduler paths, else S3).
 */
final class ServiceRouter {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "AmazonEC2ContainerServiceV20141113", "ecs",
            "AWSStepFunctions", "states",
            "ResourceGroupsTaggingAPI_20170126", "tagging");

    record Route(String service, Optional<String> region) {}

    private ServiceRouter() {}

    static Route route(Map<String, String> headers, String path, Map<String, List<String>> query, byte[] body) {
        String authorization = headers.getOrDefault("authorization", "");
        Matcher m = SCOPE.matcher(authorization);
        if (m.find()) {
            return new Route(m.group(2), Optional.of(m.group(1)));
        }
        List<String> credential = query.get("X-Amz-Credential");
        if (credential != null && !credential.isEmpty()) {
            String[] parts = credential.get(0).split("/");
            if (parts.length == 5) {
                return new Route(parts[3], Optional.of(parts[2]));
            }
        }
        String target = headers.get("x-amz-target");
        if (target != null) {
            String prefix = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
            String service = TARGET_PREFIXES.get(prefix);
            if (service != null) {
                return new Route(service, Optional.empty());
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (contentType.startsWith("application/x-www-form-urlencoded") && startsWithAction(body)
                || query.containsKey("Action")) {
            return new Route("iam", Optional.empty());
        }
        if (path.startsWith("/schedules") || path.startsWith("/schedule-groups") || path.startsWith("/tags/")) {
            return new Route("scheduler", Optional.empty());
        }
        return new Route("s3", Optional.empty());
    }

    private static boolean startsWithAction(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return text.startsWith("Action=") || text.contains("&Action=");
    }
}
