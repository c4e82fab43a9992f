package io.jobform.emulator.scheduler;

import io.jobform.emulator.core.AwsException;

/** EventBridge Scheduler's modeled errors and their HTTP statuses (botocore scheduler/2021-06-30). */
final class SchedulerErrors {
    private SchedulerErrors() {}

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    static AwsException notFound(String message) {
        return new AwsException(404, "ResourceNotFoundException", message);
    }

    static AwsException conflict(String message) {
        return new AwsException(409, "ConflictException", message);
    }
}
