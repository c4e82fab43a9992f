package io.jobform.emulator.s3;

import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Conditional requests. PutObject: {@code If-None-Match: *} fails with 412 when the key
 * exists; {@code If-Match: etag} fails with 412 on a different ETag and 404 NoSuchKey when
 * the key is missing (Amazon S3 User Guide, "Conditional writes"). GetObject/HeadObject:
 * If-Match mismatch is 412, If-None-Match match is 304. DeleteObject: {@code If-Match: etag}
 * (or {@code *}) fails with 412 on a different ETag and 404 NoSuchKey when the key is missing
 * (Amazon S3 User Guide, "How to perform conditional deletes",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-deletes.html).
 */
final class Conditions {
    private Conditions() {}

    static void checkPut(AwsRequest request, S3Object existing) {
        Optional<String> ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch.isPresent()) {
            if (!ifNoneMatch.get().trim().equals("*")) {
                throw new AwsException(501, "NotImplemented",
                        "A header you provided implies functionality that is not implemented");
            }
            if (existing != null) {
                throw preconditionFailed("If-None-Match");
            }
        }
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isPresent()) {
            if (existing == null) {
                throw new AwsException(404, "NoSuchKey", "The specified key does not exist.");
            }
            if (!matches(ifMatch.get(), existing.etag())) {
                throw preconditionFailed("If-Match");
            }
        }
    }

    static void checkDelete(AwsRequest request, S3Object existing) {
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isEmpty()) {
            return;
        }
        if (existing == null) {
            throw new AwsException(404, "NoSuchKey", "The specified key does not exist.");
        }
        if (!matches(ifMatch.get(), existing.etag())) {
            throw preconditionFailed("If-Match");
        }
    }

    /** Throws 412 on a failed If-Match; true when If-None-Match says "not modified". */
    static boolean notModified(AwsRequest request, S3Object object) {
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isPresent() && !matches(ifMatch.get(), object.etag())) {
            throw preconditionFailed("If-Match");
        }
        return request.header("if-none-match").map(v -> matches(v, object.etag())).orElse(false);
    }

    private static boolean matches(String headerValue, String etag) {
        return Arrays.stream(headerValue.split(","))
                .map(v -> v.trim().replace("\"", ""))
                .anyMatch(v -> v.equals("*") || v.equals(etag));
    }

    private static AwsException preconditionFailed(String condition) {
        return new AwsException(412, "PreconditionFailed",
                "At least one of the pre-conditions you specified did not hold (" + condition + ")");
    }
}
