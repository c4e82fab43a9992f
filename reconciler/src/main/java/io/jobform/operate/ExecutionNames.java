package io.jobform.operate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of executions jobform starts. Step Functions names are 1..80 characters without
 * whitespace, brackets, wildcards, {@code " # % \ ^ | ~ ` $ & , ; : /} or control characters
 * (StartExecution API reference, name), so the timestamp is ISO 8601 basic format (no colons),
 * with milliseconds so two runs in one second get different names.
 */
public final class ExecutionNames {
    public static final String MANUAL_PREFIX = "manual-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ExecutionNames() {}

    public static String manual(Instant now) {
        return MANUAL_PREFIX + STAMP.format(now);
    }

    /** The execution name is the last segment of its ARN (arn:...:execution:machine:name). */
    public static String nameOf(String executionArn) {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }

    /** The state machine of an execution ARN: arn:p:states:r:a:execution:machine:name. */
    public static String stateMachineArn(String executionArn) {
        String[] parts = executionArn.split(":");
        if (parts.length != 8 || !parts[2].equals("states") || !parts[5].equals("execution")) {
            throw new IllegalArgumentException("not a Step Functions execution ARN: " + executionArn);
        }
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "stateMachine", parts[6]);
    }

    /** The region of an execution or state machine ARN. */
    public static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }
}
