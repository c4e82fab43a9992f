package io.jobform.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.lambda.InvocationEvent.Ignored;
import io.jobform.lambda.InvocationEvent.ManualInvoke;
import io.jobform.lambda.InvocationEvent.ObjectChanged;
import io.jobform.lambda.InvocationEvent.Resync;
import io.jobform.lambda.InvocationEvent.Unrecognized;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Lambda payload into {@link InvocationEvent}s. Pure: no configuration, no I/O.
 *
 * <p>Shapes (AWS documentation):
 * S3 notifications, "Event message structure" in the S3 user guide (keys are form-URL-encoded:
 * a space arrives as {@code +}, a plus as {@code %2B});
 * SQS batches, "Using Lambda with Amazon SQS" (each record's {@code body} is the S3 notification);
 * EventBridge, "EventBridge event message structure" in the S3 user guide (detail-type
 * {@code Object Created} / {@code Object Deleted}; the guide documents no encoding for
 * {@code detail.object.key}, so it is taken as the raw key. It is only a hint either way: the
 * reconcile lists the prefix itself);
 * EventBridge scheduled rules ({@code source: aws.events}, detail-type {@code Scheduled Event}).
 * Values from the payload never reach a reason text, only field names and event types.
 */
public final class EventParser {

    private final ObjectMapper json;

    public EventParser(ObjectMapper json) {
        this.json = json;
    }

    public Invocation parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Invocation(false, List.of(EventMessage.direct(
                    List.of(new Unrecognized("payload is not a JSON object")))));
        }
        JsonNode records = root.path("Records");
        if (records.isArray() && !records.isEmpty() && isSqs(records.get(0))) {
            List<EventMessage> messages = new ArrayList<>();
            records.forEach(record -> messages.add(sqsMessage(record)));
            return new Invocation(true, messages);
        }
        return new Invocation(false, List.of(EventMessage.direct(eventsOf(root))));
    }

    private static boolean isSqs(JsonNode record) {
        return "aws:sqs".equals(record.path("eventSource").asText());
    }

    private EventMessage sqsMessage(JsonNode record) {
        Optional<String> id = text(record, "messageId");
        if (!isSqs(record)) {
            return new EventMessage(id, List.of(new Unrecognized("SQS batch holds a record that is not an SQS message")));
        }
        JsonNode body;
        try {
            body = json.readTree(record.path("body").asText(""));
        } catch (JsonProcessingException e) {
            return new EventMessage(id, List.of(new Unrecognized("SQS message body is not JSON")));
        }
        if (body == null || !body.isObject()) {
            return new EventMessage(id, List.of(new Unrecognized("SQS message body is not a JSON object")));
        }
        if (body.path("Records").isArray() && !body.path("Records").isEmpty() && isSqs(body.path("Records").get(0))) {
            return new EventMessage(id, List.of(new Unrecognized("SQS message body is itself an SQS batch")));
        }
        return new EventMessage(id, eventsOf(body));
    }

    private List<InvocationEvent> eventsOf(JsonNode node) {
        JsonNode records = node.path("Records");
        if (records.isArray()) {
            List<InvocationEvent> events = new ArrayList<>();
            records.forEach(record -> events.add(s3Record(record)));
            if (events.isEmpty()) {
                events.add(new Ignored("notification without records"));
            }
            return events;
        }
        if ("s3:TestEvent".equals(node.path("Event").asText())) {
            return List.of(new Ignored("S3 test event (sent when a notification configuration is saved)"));
        }
        if (node.has("detail-type") && node.has("source")) {
            return List.of(eventBridge(node));
        }
        if (node.has("action")) {
            return List.of(action(node));
        }
        return List.of(new Unrecognized("unrecognized event shape with fields " + fieldNames(node)));
    }

    private InvocationEvent s3Record(JsonNode record) {
        if (!"aws:s3".equals(record.path("eventSource").asText())) {
            return new Unrecognized("record is not an S3 notification (eventSource is not aws:s3)");
        }
        String eventName = record.path("eventName").asText("");
        Optional<String> bucket = text(record.path("s3").path("bucket"), "name");
        Optional<String> encodedKey = text(record.path("s3").path("object"), "key");
        if (bucket.isEmpty() || encodedKey.isEmpty()) {
            return new Unrecognized("S3 record " + eventName + " without s3.bucket.name or s3.object.key");
        }
        Optional<ObjectChange.Type> type = eventName.startsWith("ObjectCreated:") ? Optional.of(ObjectChange.Type.CREATED)
                : eventName.startsWith("ObjectRemoved:") ? Optional.of(ObjectChange.Type.DELETED)
                : Optional.empty();
        if (type.isEmpty()) {
            return new Ignored("S3 event " + eventName + " does not change object content");
        }
        try {
            // Form decoding: '+' is a space, '%2B' a plus, '%E2%9C%93' UTF-8.
            String key = URLDecoder.decode(encodedKey.get(), StandardCharsets.UTF_8);
            return new ObjectChanged(new ObjectChange(bucket.get(), key, type.get()));
        } catch (IllegalArgumentException e) {
            return new Unrecognized("S3 record " + eventName + " has an object key that is not valid URL encoding");
        }
    }

    private static InvocationEvent eventBridge(JsonNode node) {
        String source = node.path("source").asText();
        String detailType = node.path("detail-type").asText();
        if ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) {
            return new Resync("EventBridge scheduled event");
        }
        if (!"aws.s3".equals(source)) {
            return new Unrecognized("EventBridge event from source " + source + " is not handled");
        }
        Optional<ObjectChange.Type> type = switch (detailType) {
            case "Object Created" -> Optional.of(ObjectChange.Type.CREATED);
            case "Object Deleted" -> Optional.of(ObjectChange.Type.DELETED);
            default -> Optional.empty();
        };
        if (type.isEmpty()) {
            return new Ignored("EventBridge S3 event '" + detailType + "' does not change object content");
        }
        Optional<String> bucket = text(node.path("detail").path("bucket"), "name");
        Optional<String> key = text(node.path("detail").path("object"), "key");
        if (bucket.isEmpty() || key.isEmpty()) {
            return new Unrecognized("EventBridge S3 event without detail.bucket.name or detail.object.key");
        }
        return new ObjectChanged(new ObjectChange(bucket.get(), key.get(), type.get()));
    }

    private static InvocationEvent action(JsonNode node) {
        JsonNode resync = node.path("resync");
        if (!resync.isMissingNode() && !resync.isBoolean()) {
            return new Unrecognized("manual invoke: 'resync' must be true or false");
        }
        return switch (node.path("action").asText("")) {
            case "reconcile" -> resync.asBoolean(false) ? new Resync("scheduled resync") : new ManualInvoke(false);
            case "plan" -> new ManualInvoke(true);
            default -> new Unrecognized("manual invoke: 'action' must be 'reconcile' or 'plan'");
        };
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.size() > 8 ? names.subList(0, 8) : names;
    }
}
