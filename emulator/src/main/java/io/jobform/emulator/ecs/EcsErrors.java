package io.jobform.emulator.ecs;

import io.jobform.emulator.core.AwsException;

/**
 * The ECS error codes the emulator raises. ECS reports most invalid input as
 * {@code ClientException} and parameter-shape problems (tags, tokens, ARNs) as
 * {@code InvalidParameterException}; both are 400 (botocore ecs/2014-11-13 service-2.json).
 */
final class EcsErrors {
    private EcsErrors() {}

    static AwsException client(String message) {
        return new AwsException(400, "ClientException", message);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }

    static AwsException resourceNotFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }
}
