package io.jobform.render;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a run failed, decided by the rendered state machine from what Step Functions reports and
 * named as the Fail state's Error, in the failure notification and by {@code run --wait},
 * {@code history} and {@code describe}. docs/resources.md lists the AWS errors behind each class.
 */
public enum FailureClass {
    /** Capacity shortage, throttling or another transient ECS error, after the bounded start-up retries. */
    COULD_NOT_START("jobform.CouldNotStart", "could not start"),
    /** Access denied, an invalid parameter, an image or secret that cannot be pulled: never retried. */
    CONFIGURATION_ERROR("jobform.ConfigurationError", "configuration error"),
    /** The Fargate Spot task was interrupted ({@code StopCode: SpotInterruption}). */
    SPOT_INTERRUPTED("jobform.SpotInterrupted", "Spot interruption"),
    /** The container exited with a non-zero exit code. */
    CONTAINER_FAILED("jobform.ContainerFailed", "container failed"),
    /** The run did not finish within the job's timeoutSeconds. */
    TIMEOUT("jobform.Timeout", "timeout"),
    /** Anything else; the cause names the original error. */
    UNCLASSIFIED("jobform.Unclassified", "unclassified failure");

    private final String error;
    private final String label;

    FailureClass(String error, String label) {
        this.error = error;
        this.label = label;
    }

    /** The Fail state's Error. */
    public String error() {
        return error;
    }

    public String label() {
        return label;
    }

    public static Optional<FailureClass> ofError(String error) {
        return Arrays.stream(values()).filter(c -> c.error.equals(error)).findFirst();
    }
}
