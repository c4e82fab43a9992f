package io.jobform.emulator.server;

import io.jobform.emulator.core.AwsException;

/**
 * The error each service answers when it throttles or fails internally, as the services
 * document it: ECS, Step Functions and Scheduler {@code ThrottlingException} (Scheduler with
 * HTTP 429), IAM {@code Throttling}, the Tagging API {@code ThrottledException}, S3 503
 * {@code SlowDown}; internal errors are 500 {@code InternalFailure}, IAM {@code ServiceFailure},
 * S3 {@code InternalError}.
 */
final class FaultErrors {
    private FaultErrors() {}

    static AwsException throttle(String service) {
        return switch (service) {
            case "s3" -> new AwsException(503, "SlowDown", "Please reduce your request rate.");
            case "iam" -> new AwsException(400, "Throttling", "Rate exceeded");
            case "scheduler" -> new AwsException(429, "ThrottlingException", "Rate exceeded");
            case "tagging" -> new AwsException(400, "ThrottledException", "Rate exceeded");
            default -> new AwsException(400, "ThrottlingException", "Rate exceeded");
        };
    }

    static AwsException internal(String service) {
        return switch (service) {
            case "s3" -> new AwsException(500, "InternalError", "We encountered an internal error. Please try again.");
            case "iam" -> new AwsException(500, "ServiceFailure", "Service failure");
            case "tagging" -> new AwsException(500, "InternalServiceException", "Internal service error");
            case "scheduler" -> new AwsException(500, "InternalServerException", "Internal server error");
            default -> new AwsException(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");
        };
    }
}
