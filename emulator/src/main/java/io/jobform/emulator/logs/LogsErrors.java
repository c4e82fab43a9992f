package io.jobform.emulator.logs;

import io.jobform.emulator.core.AwsException;

/**
 * The CloudWatch Logs errors the emulator raises, all 400 (botocore logs/2014-03-28
 * service-2.json: InvalidParameterException, ResourceNotFoundException,
 * ResourceAlreadyExistsException).
 */
final class LogsErrors {
    private LogsErrors() {}

    static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }

    static AwsException notFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }

    static AwsException exists(String message) {
        return new AwsException(400, "ResourceAlreadyExistsException", message);
    }
}
