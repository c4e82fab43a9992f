package io.jobform.emulator.hooks;

/** What an injected failure does to one call. */
public enum Fault {
    /** The service's throttling error, exactly as a real rate limit would answer. */
    THROTTLE,
    /** HTTP 500 with the service's internal-error code. */
    INTERNAL_ERROR,
    /** The connection is closed without any response (a network failure or a crash). */
    CONNECTION_RESET
}
