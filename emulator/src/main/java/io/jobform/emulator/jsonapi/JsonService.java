package io.jobform.emulator.jsonapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.Protocol;
import java.util.function.Function;

/**
 * An emulated service on one of the JSON protocols (awsJson1.0, awsJson1.1, restJson1): the
 * request body is one JSON object and a success is a 200 with a JSON object in the protocol's
 * content type. A service declares its signing name, protocol and input error, and maps each
 * operation to its answer.
 */
public abstract class JsonService implements AwsService {
    private final String signingName;
    private final Protocol protocol;
    private final Function<String, ? extends RuntimeException> invalidInput;

    /** @param invalidInput the service's own error for a body that is not a JSON object */
    protected JsonService(String signingName, Protocol protocol,
            Function<String, ? extends RuntimeException> invalidInput) {
        this.signingName = signingName;
        this.protocol = protocol;
        this.invalidInput = invalidInput;
    }

    @Override
    public final String signingName() {
        return signingName;
    }

    @Override
    public final Protocol protocol() {
        return protocol;
    }

    /** awsJson names the operation in X-Amz-Target; a restJson service derives it from the route. */
    @Override
    public String operation(AwsRequest request) {
        return request.targetOperation().orElse("Unknown");
    }

    @Override
    public final AwsResponse handle(AwsRequest request) {
        Fields input = JsonBody.parse(request.body(), invalidInput);
        return JsonBody.ok(contentType(protocol), answer(operation(request), request, input));
    }

    /**
     * The response body of {@code operation}.
     *
     * @throws io.jobform.emulator.core.AwsException the service's error, or unknownOperation
     */
    protected abstract ObjectNode answer(String operation, AwsRequest request, Fields input);

    private static String contentType(Protocol protocol) {
        return switch (protocol) {
            case AWS_JSON_1_0 -> "application/x-amz-json-1.0";
            case AWS_JSON_1_1 -> "application/x-amz-json-1.1";
            case REST_JSON -> "application/json";
            case QUERY, REST_XML -> throw new IllegalArgumentException(protocol + " is not a JSON protocol");
        };
    }
}
