package io.jobform.emulator.hooks;

/** What an injected failure does to one call. */
public enum Fault {
    /** The service's throttling error, exactly as a real rate limit would answer. */
    THROTTLE,
    /** HTTP 500 with the service's internal-error code. */
    INTERNAL_ERROR,
    /** The connection is closed without any response (a network failure or a crash). */
    CONNECTION_RESET,
    /**
     * A concurrent-modification conflict: S3 {@code 409 ConditionalRequestConflict} (a
     * conditional write or delete racing another write on the same key), IAM
     * {@code 409 ConcurrentModification}, Scheduler {@code 409 ConflictException}, ECS and Step
     * Functions {@code ConflictException}, Tagging {@code ConcurrentModificationException}.
     */
    CONFLICT,
    /** S3 {@code 409 OperationAborted} ("a conflicting conditional operation is in progress"); elsewhere as CONFLICT. */
    OPERATION_ABORTED,
    /**
     * The caller lacks the permission: S3 {@code 403 AccessDenied}, IAM {@code 403 AccessDenied}
     * (query protocol, Sender), ECS {@code AccessDeniedException} (modeled), Step Functions,
     * Scheduler and Tagging {@code AccessDeniedException} (not modeled: the SDK raises the
     * service's base exception with that error code).
     */
    ACCESS_DENIED
}
