package io.jobform.emulator.sfn;

import io.jobform.emulator.core.AwsException;

/**
 * Step Functions' modeled errors (botocore stepfunctions/2016-11-23). All are 400 sender
 * faults; their codes have no "Exception" suffix except ValidationException and the
 * IAM-side AccessDeniedException.
 */
final class SfnErrors {
    private SfnErrors() {}

    static AwsException of(String code, String message) {
        return new AwsException(400, code, message);
    }

    static AwsException validation(String message) {
        return of("ValidationException", message);
    }

    static AwsException invalidArn(String arn) {
        return of("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }

    static AwsException machineNotFound(String arn) {
        return of("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static AwsException executionNotFound(String arn) {
        return of("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
}
