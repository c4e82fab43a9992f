package io.jobform.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's task role may only read the buckets jobform keeps its manifests and state in
 * ({@link OwnBucket}): any other S3 action (a wildcard action counts as one) on a resource
 * pattern that can match the bucket, or an object under its protected prefix, is refused.
 */
final class OwnBucketGuardrail {

    private OwnBucketGuardrail() {}

    static Optional<String> refused(String action, List<String> resources, List<OwnBucket> buckets) {
        String lower = action.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("s3:") || isRead(lower.substring(3))) {
            return Optional.empty();
        }
        for (String resource : resources) {
            for (OwnBucket bucket : buckets) {
                if (ArnPattern.matches(resource, bucket.bucketArn())
                        || ArnPattern.reachesUnder(resource, bucket.objectArnPrefix())) {
                    return Optional.of("action '" + action + "' on '" + resource + "' is refused: it can reach "
                            + bucket.describe() + ", where jobform keeps its manifests and state; jobs may only read there");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isRead(String name) {
        boolean wildcard = name.contains("*") || name.contains("?");
        return !wildcard && (name.startsWith("get") || name.startsWith("list"));
    }
}
