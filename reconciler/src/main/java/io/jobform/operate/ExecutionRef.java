package io.jobform.operate;

/**
 * What the user typed to name an execution of a job: its ARN, or its name as {@code history}
 * prints it. Both become the ARN, arn:p:states:r:a:execution:machine:name (the state machine
 * ARN with {@code stateMachine} replaced by {@code execution} and the name appended).
 */
public final class ExecutionRef {
    private ExecutionRef() {}

    public static boolean isArn(String ref) {
        return ref.startsWith("arn:");
    }

    /** @throws IllegalArgumentException when an ARN names another state machine or the name cannot be one */
    public static String resolve(String stateMachineArn, String ref) {
        if (isArn(ref)) {
            String machine = ExecutionNames.stateMachineArn(ref);
            if (!machine.equals(stateMachineArn)) {
                throw new IllegalArgumentException("execution " + ref + " is not a run of " + stateMachineArn);
            }
            return ref;
        }
        // Step Functions names are 1..80 characters without ':' or '/' (StartExecution, name).
        if (ref.isEmpty() || ref.length() > 80 || ref.contains(":") || ref.contains("/") || ref.isBlank()) {
            throw new IllegalArgumentException("not an execution name or ARN: " + ref);
        }
        String[] parts = stateMachineArn.split(":");
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "execution", parts[6], ref);
    }
}
