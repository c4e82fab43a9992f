package io.jobform.emulator.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.wire.Json;
import io.jobform.emulator.wire.Xml;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders an {@link AwsException} the way each protocol's real service does, so the SDK's
 * error unmarshaller finds the code and raises the modeled exception class:
 * awsJson reads {@code __type}, restJson the {@code X-Amzn-ErrorType} header, the query
 * protocol the {@code ErrorResponse/Error/Code} element and restXml the bare {@code Error/Code}.
 */
public final class ErrorRenderer {
    private ErrorRenderer() {}

    public static AwsResponse render(Protocol protocol, AwsException e, String requestId, boolean head) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (protocol) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> {
                ObjectNode body = Json.object().put("__type", e.code()).put("message", message);
                String type = protocol == Protocol.AWS_JSON_1_0 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
                yield bytes(e.status(), Map.of("Content-Type", type), Json.write(body));
            }
            case REST_JSON -> bytes(e.status(),
                    Map.of("Content-Type", "application/json", "X-Amzn-ErrorType", e.code()),
                    Json.write(Json.object().put("Message", message)));
            case QUERY -> bytes(e.status(), Map.of("Content-Type", "text/xml"), new Xml()
                    .open("ErrorResponse", "https://iam.amazonaws.com/doc/2010-05-08/")
                    .open("Error")
                    .element("Type", e.senderFault() ? "Sender" : "Receiver")
                    .element("Code", e.code())
                    .element("Message", message)
                    .close("Error")
                    .element("RequestId", requestId)
                    .close("ErrorResponse").toString());
            case REST_XML -> head
                    // A HEAD response has no body; the SDK maps the status alone.
                    ? new AwsResponse(e.status(), Map.of(), new byte[0])
                    : bytes(e.status(), Map.of("Content-Type", "application/xml"), new Xml()
                            .open("Error")
                            .element("Code", e.code())
                            .element("Message", message)
                            .element("RequestId", requestId)
                            .element("HostId", requestId)
                            .close("Error").toString());
        };
    }

    private static AwsResponse bytes(int status, Map<String, String> headers, String body) {
        return new AwsResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
