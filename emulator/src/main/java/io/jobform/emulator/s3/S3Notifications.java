package io.jobform.emulator.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.wire.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bucket notifications for every bucket: every object created or deleted is recorded and
 * handed to the listeners, shaped as the S3 event message structure (eventVersion 2.1),
 * see "Event message structure" in the Amazon S3 User Guide. Listeners run on the calling
 * request's thread after the write and before its response is sent, so when a client's
 * PutObject returns, its event has been delivered.
 */
public final class S3Notifications {
    private static final Logger LOG = Logger.getLogger(S3Notifications.class.getName());
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final List<Consumer<S3Event>> listeners = new CopyOnWriteArrayList<>();
    private final List<S3Event> recorded = new ArrayList<>();

    public void addListener(Consumer<S3Event> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<S3Event> listener) {
        listeners.remove(listener);
    }

    /** Every event since the start (or the last {@link #clear()}), oldest first. */
    public synchronized List<S3Event> events() {
        return List.copyOf(recorded);
    }

    public synchronized void clear() {
        recorded.clear();
    }

    void publish(S3Event event) {
        synchronized (this) {
            recorded.add(event);
        }
        for (Consumer<S3Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // The write has happened; a failing listener must not turn it into an error answer.
                LOG.log(Level.WARNING, "S3 event listener failed for " + event.bucket() + "/" + event.key(), e);
            }
        }
    }

    static S3Event created(String region, String bucket, S3Object object, String sequencer, String requestId) {
        ObjectNode record = base(region, bucket, "ObjectCreated:Put", object.lastModified(), requestId);
        ObjectNode o = ((ObjectNode) record.get("s3")).putObject("object");
        o.put("key", encodeKey(object.key()));
        o.put("size", object.data().length);
        o.put("eTag", object.etag());
        o.put("sequencer", sequencer);
        return new S3Event(bucket, object.key(), "ObjectCreated:Put", record);
    }

    static S3Event removed(String region, String bucket, String key, Instant time, String sequencer, String requestId) {
        ObjectNode record = base(region, bucket, "ObjectRemoved:Delete", time, requestId);
        ObjectNode o = ((ObjectNode) record.get("s3")).putObject("object");
        o.put("key", encodeKey(key));
        o.put("sequencer", sequencer);
        return new S3Event(bucket, key, "ObjectRemoved:Delete", record);
    }

    private static ObjectNode base(String region, String bucket, String eventName, Instant time, String requestId) {
        ObjectNode r = Json.object();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", region);
        r.put("eventTime", EVENT_TIME.format(time));
        r.put("eventName", eventName);
        r.putObject("userIdentity").put("principalId", "AWS:AIDAEMULATOREXAMPLE");
        r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        r.putObject("responseElements").put("x-amz-request-id", requestId).put("x-amz-id-2", requestId);
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "jobform-emulator");
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", "AEMULATOREXAMPLE");
        b.put("arn", "arn:aws:s3:::" + bucket);
        return r;
    }

    /** S3 writes keys form-URL-encoded in events: spaces as '+', '/' kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
