package io.jobform.emulator.sfn.asl;

import java.util.Optional;

/**
 * An error raised inside an execution, named as Step Functions names it (e.g. States.Runtime,
 * States.TaskFailed, ECS.AmazonECSException). Control flow only: no stack trace is kept.
 */
public final class StatesError extends RuntimeException {
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String ALL = "States.ALL";

    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * States.Runtime and States.DataLimitExceeded end the execution: no retrier or catcher
     * handles them, not even States.ALL ("Error handling in Step Functions", error names).
     */
    boolean terminal() {
        return RUNTIME.equals(error) || "States.DataLimitExceeded".equals(error);
    }
}
