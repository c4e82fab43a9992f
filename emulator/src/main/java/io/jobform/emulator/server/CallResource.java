package io.jobform.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.wire.FormBody;
import io.jobform.emulator.wire.Json;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What a call acts on, for fault rules narrowed to one resource: the IAM role (or policy ARN),
 * the ECS family or task definition, the Step Functions name or ARN, the Scheduler path after
 * the collection ({@code /schedules/{Name}}), empty when the call names none. S3 answers its
 * own ({@code bucket/key}).
 */
final class CallResource {
    /** Request members naming the resource, in the order they are looked for. */
    private static final List<String> JSON_MEMBERS = List.of("family", "taskDefinition", "taskDefinitions", "name",
            "stateMachineArn", "executionArn", "resourceArn");
    private static final List<String> QUERY_PARAMS = List.of("RoleName", "PolicyArn");

    private CallResource() {}

    static String of(Protocol protocol, AwsRequest request) {
        return switch (protocol) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> fromJson(request);
            case QUERY -> {
                FormBody form = FormBody.parse(request.bodyText());
                yield QUERY_PARAMS.stream().flatMap(p -> form.get(p).stream()).findFirst().orElse("");
            }
            case REST_JSON, REST_XML -> {
                String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
                int slash = path.indexOf('/');
                yield slash < 0 ? "" : path.substring(slash + 1);
            }
        };
    }

    private static String fromJson(AwsRequest request) {
        JsonNode body;
        try {
            body = Json.parseBody(request.body(), "SerializationException");
        } catch (AwsException e) {
            return ""; // the service answers the malformed body itself
        }
        for (String member : JSON_MEMBERS) {
            JsonNode value = body.path(member);
            if (value.isTextual()) {
                return value.asText();
            }
            if (value.isArray()) {
                return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                        .collect(Collectors.joining(","));
            }
        }
        return "";
    }
}
