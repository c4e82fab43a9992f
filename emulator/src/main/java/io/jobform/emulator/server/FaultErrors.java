package io.jobform.emulator.server;

import io.jobform.emulator.core.AwsException;

/**
 * The error each service answers when it throttles or fails internally, as the services
 * document it: ECS, Step Functions and Scheduler {@code ThrottlingException} (Scheduler with
 * HTTP 429), IAM {@code Throttling}, the Tagging API {@code ThrottledException}, S3 503
 * {@code SlowDown}; internal errors are 500 {@code InternalFailure}, IAM {@code ServiceFailure},
 * S3 {@code InternalError}. Conflicts and missing permissions: see {@link io.jobform.emulator.hooks.Fault}.
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

    /**
     * S3: "409 Conflict ... a conflicting operation" on conditional writes and deletes (Amazon
     * S3 User Guide, "Conditional writes" and "How to perform conditional deletes"; error code
     * list in the S3 API Reference, "Error responses"). Others: the modeled conflict error
     * (botocore iam ConcurrentModificationException 409, scheduler ConflictException 409,
     * ecs/stepfunctions ConflictException, tagging ConcurrentModificationException).
     */
    static AwsException conflict(String service) {
        return switch (service) {
            case "s3" -> new AwsException(409, "ConditionalRequestConflict",
                    "The conditional request cannot succeed due to a conflicting operation against this resource.");
            case "iam" -> new AwsException(409, "ConcurrentModification",
                    "The request was rejected because multiple requests to change this object were submitted simultaneously.");
            case "scheduler" -> new AwsException(409, "ConflictException",
                    "Conflict with a concurrent request on this resource.");
            case "tagging" -> new AwsException(400, "ConcurrentModificationException",
                    "The target of the operation is currently being modified by a different request. Try again later.");
            default -> new AwsException(400, "ConflictException",
                    "The request conflicts with a concurrent request on this resource.");
        };
    }

    static AwsException operationAborted(String service) {
        return service.equals("s3")
                ? new AwsException(409, "OperationAborted",
                        "A conflicting conditional operation is currently in progress against this resource. Please try again.")
                : conflict(service);
    }

    /**
     * A missing permission, in the wording of IAM's authorization failures ("User: ... is not
     * authorized to perform: ecs:RegisterTaskDefinition on resource: ... because no
     * identity-based policy allows ..."). Codes: S3 and IAM {@code AccessDenied} (403), every
     * JSON service {@code AccessDeniedException} (modeled by ECS; Scheduler answers 403,
     * the awsJson services 400).
     */
    static AwsException accessDenied(String service, String operation, String resource, String accountId) {
        String action = (service.equals("tagging") ? "tag" : service) + ":" + operation;
        String message = "User: arn:aws:iam::" + accountId + ":user/emulator is not authorized to perform: " + action
                + (resource.isEmpty() ? "" : " on resource: " + resource)
                + " because no identity-based policy allows the " + action + " action";
        return switch (service) {
            case "s3", "iam" -> new AwsException(403, "AccessDenied", message);
            case "scheduler" -> new AwsException(403, "AccessDeniedException", message);
            default -> new AwsException(400, "AccessDeniedException", message);
        };
    }
}
