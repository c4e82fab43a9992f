package io.jobform.emulator.core;

/**
 * An error as AWS returns it: HTTP status plus the modeled error code, so the SDK raises the
 * same exception type it raises against AWS. The server renders it in the service's protocol.
 */
public final class AwsException extends RuntimeException {
    private final int status;
    private final String code;

    public AwsException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** True for the 4xx "Sender" faults, false for 5xx "Receiver" faults. */
    public boolean senderFault() {
        return status < 500;
    }
}
