package io.jobform.emulator.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.wire.Json;

/**
 * One bucket notification. {@link #record()} is one element of the S3 event message's
 * {@code Records} array; {@link #message()} is the whole message as Lambda receives it.
 * The key in both is the raw key; the JSON carries it URL-encoded as S3 does.
 */
public record S3Event(String bucket, String key, String eventName, ObjectNode record) {

    /** The full notification: {@code {"Records":[record]}}. */
    public ObjectNode message() {
        ObjectNode message = Json.object();
        message.putArray("Records").add(record.deepCopy());
        return message;
    }

    /** {@link #message()} as JSON text. */
    public String json() {
        return Json.write(message());
    }
}
