package io.jobform.sync;

/** A bucket operation failed; the message names the operation and key, never a stack trace. */
public final class SyncStoreException extends RuntimeException {

    public SyncStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
