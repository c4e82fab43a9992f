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

    /** The error each protocol answers for an operation the service does not know. */
    public static AwsException unknownOperation(Protocol protocol, String operation) {
        return switch (protocol) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> new AwsException(400, "UnknownOperationException",
                    "Unknown operation " + operation);
            case REST_JSON -> new AwsException(404, "UnknownOperationException",
                    "Unknown operation " + operation);
            case QUERY -> new AwsException(400, "InvalidAction",
                    "Could not find operation " + operation + " for version 2010-05-08");
            case REST_XML -> new AwsException(501, "NotImplemented",
                    "A header or query you provided implies functionality that is not implemented: " + operation);
        };
    }

    /** True for the 4xx "Sender" faults, false for 5xx "Receiver" faults. */
    public boolean senderFault() {
        return status < 500;
    }
}
