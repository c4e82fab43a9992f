package io.jobform.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.wire.Json;
import io.jobform.emulator.wire.Xml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The buckets and the operations on them; callers hold the lock on this store. */
final class S3Store {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML = "application/xml";
    private static final java.util.regex.Pattern BUCKET_NAME =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Clock clock;
    private final Map<String, S3Bucket> buckets = new TreeMap<>();

    S3Store(Clock clock) {
        this.clock = clock;
    }

    AwsResponse listBuckets() {
        Xml xml = new Xml().open("ListAllMyBucketsResult", NS)
                .open("Owner").element("ID", "emulator").element("DisplayName", "emulator").close("Owner")
                .open("Buckets");
        for (S3Bucket b : buckets.values()) {
            xml.open("Bucket").element("Name", b.name).element("CreationDate", S3Service.ISO.format(b.created)).close("Bucket");
        }
        return AwsResponse.of(200, XML, xml.close("Buckets").close("ListAllMyBucketsResult").toString());
    }

    AwsResponse createBucket(String name, String region) {
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..") || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            throw new AwsException(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        S3Bucket existing = buckets.get(name);
        // us-east-1 answers 200 to re-creating your own bucket; other Regions 409.
        if (existing != null && !region.equals("us-east-1")) {
            throw new AwsException(409, "BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        if (existing == null) {
            buckets.put(name, new S3Bucket(name, region, clock.instant()));
        }
        return new AwsResponse(200, Map.of("Location", "/" + name), new byte[0]);
    }

    AwsResponse headBucket(String name) {
        S3Bucket b = bucket(name);
        return new AwsResponse(200, Map.of("x-amz-bucket-region", b.region), new byte[0]);
    }

    AwsResponse deleteBucket(String name) {
        S3Bucket b = bucket(name);
        if (!b.objects.isEmpty()) {
            throw new AwsException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
        }
        buckets.remove(name);
        return AwsResponse.empty(204);
    }

    AwsResponse bucketLocation(String name) {
        S3Bucket b = bucket(name);
        // us-east-1 is reported as an empty LocationConstraint.
        String location = b.region.equals("us-east-1") ? "" : b.region;
        return AwsResponse.of(200, XML, new Xml().open("LocationConstraint", NS).close("LocationConstraint").toString()
                .replace("</LocationConstraint>", Xml.escape(location) + "</LocationConstraint>"));
    }

    AwsResponse listObjects(String name, Map<String, List<String>> query) {
        return AwsResponse.of(200, XML, S3Listing.list(bucket(name), query));
    }

    AwsResponse putObject(String name, String key, AwsRequest request, List<S3Event> events) {
        S3Bucket b = bucket(name);
        validateKey(key);
        byte[] data = request.body();
        if (AwsChunkedBody.applies(request::header)) {
            data = AwsChunkedBody.decode(data).payload();
        }
        S3Object existing = b.objects.get(key);
        Conditions.checkPut(request, existing);
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((h, v) -> {
            if (h.startsWith("x-amz-meta-")) {
                metadata.put(h.substring("x-amz-meta-".length()), v);
            }
        });
        String contentType = request.header("content-type").orElse("binary/octet-stream");
        S3Object object = new S3Object(key, data, md5Hex(data), clock.instant(), contentType, metadata);
        b.objects.put(key, object);
        events.add(S3Notifications.created(b.region, name, object, b.nextSequencer(), request.requestId()));
        return new AwsResponse(200, Map.of("ETag", object.quotedEtag()), new byte[0]);
    }

    AwsResponse getObject(String name, String key, AwsRequest request, boolean head) {
        S3Bucket b = bucket(name);
        S3Object object = b.objects.get(key);
        if (object == null) {
            throw new AwsException(404, "NoSuchKey", "The specified key does not exist.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", object.quotedEtag());
        headers.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atZone(ZoneOffset.UTC)));
        headers.put("Content-Type", object.contentType());
        headers.put("Accept-Ranges", "bytes");
        object.metadata().forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
        if (Conditions.notModified(request, object)) {
            return new AwsResponse(304, headers, new byte[0]);
        }
        headers.put("Content-Length", Integer.toString(object.data().length));
        return new AwsResponse(200, headers, head ? new byte[0] : object.data());
    }

    AwsResponse deleteObject(String name, String key, AwsRequest request, List<S3Event> events) {
        S3Bucket b = bucket(name);
        Conditions.checkDelete(request, b.objects.get(key));
        // Deleting a missing key succeeds, as in S3, and emits no event.
        if (b.objects.remove(key) != null) {
            events.add(S3Notifications.removed(b.region, name, key, clock.instant(), b.nextSequencer(), request.requestId()));
        }
        return AwsResponse.empty(204);
    }

    AwsResponse deleteObjects(String name, AwsRequest request, List<S3Event> events) {
        S3Bucket b = bucket(name);
        byte[] body = AwsChunkedBody.applies(request::header) ? AwsChunkedBody.decode(request.body()).payload() : request.body();
        DeleteObjectsRequest delete = DeleteObjectsRequest.parse(body);
        Xml xml = new Xml().open("DeleteResult", NS);
        for (String key : delete.keys()) {
            if (b.objects.remove(key) != null) {
                events.add(S3Notifications.removed(b.region, name, key, clock.instant(), b.nextSequencer(), request.requestId()));
            }
            if (!delete.quiet()) {
                xml.open("Deleted").element("Key", key).close("Deleted");
            }
        }
        return AwsResponse.of(200, XML, xml.close("DeleteResult").toString());
    }

    private S3Bucket bucket(String name) {
        S3Bucket b = buckets.get(name);
        if (b == null) {
            throw new AwsException(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        return b;
    }

    private static void validateKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw new AwsException(400, "KeyTooLongError", "Your key is too long");
        }
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode snapshot() {
        ObjectNode state = Json.object();
        ArrayNode list = state.putArray("buckets");
        for (S3Bucket b : buckets.values()) {
            ObjectNode bn = list.addObject();
            bn.put("name", b.name).put("region", b.region).put("created", b.created.toString()).put("sequencer", b.sequencer);
            ArrayNode objects = bn.putArray("objects");
            for (S3Object o : b.objects.values()) {
                ObjectNode on = objects.addObject();
                on.put("key", o.key()).put("etag", o.etag()).put("lastModified", o.lastModified().toString())
                        .put("contentType", o.contentType()).put("data", Base64.getEncoder().encodeToString(o.data()));
                on.set("metadata", Json.mapper().valueToTree(o.metadata()));
            }
        }
        return state;
    }

    void restore(JsonNode state) {
        buckets.clear();
        for (JsonNode bn : state.path("buckets")) {
            S3Bucket b = new S3Bucket(bn.path("name").asText(), bn.path("region").asText("us-east-1"),
                    Instant.parse(bn.path("created").asText()));
            b.sequencer = bn.path("sequencer").asLong();
            for (JsonNode on : bn.path("objects")) {
                Map<String, String> metadata = new LinkedHashMap<>();
                on.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
                S3Object o = new S3Object(on.path("key").asText(), Base64.getDecoder().decode(on.path("data").asText()),
                        on.path("etag").asText(), Instant.parse(on.path("lastModified").asText()),
                        on.path("contentType").asText(), metadata);
                b.objects.put(o.key(), o);
            }
            buckets.put(b.name, b);
        }
    }
}
