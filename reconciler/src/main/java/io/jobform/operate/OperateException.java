package io.jobform.operate;

/**
 * A failure the user can act on, with one line for the terminal. Raised by the operate use
 * cases and by the AWS adapter (which translates AWS errors into these kinds).
 */
public final class OperateException extends RuntimeException {

    public enum Kind {
        /** The job, state machine or execution does not exist. */
        NOT_FOUND,
        /** AWS denied the call (AccessDenied*, UnrecognizedClient, expired credentials). */
        ACCESS_DENIED,
        /** The request itself is wrong (usage). */
        INVALID,
        /** Anything else AWS answered. */
        FAILED
    }

    private final Kind kind;

    public OperateException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The same failure, its message prefixed with the subject, e.g. {@code ScheduledJob/nightly-report: }. */
    public OperateException about(String subject) {
        return new OperateException(kind, subject + ": " + getMessage());
    }
}
