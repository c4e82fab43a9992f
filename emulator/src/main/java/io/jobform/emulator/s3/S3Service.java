package io.jobform.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.SelfLocking;
import io.jobform.emulator.core.StatefulService;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon S3 over REST-XML, path-style ({@code /bucket/key}) and virtual-hosted
 * ({@code Host: bucket.localhost}). Operations: ListBuckets, CreateBucket, HeadBucket,
 * DeleteBucket, GetBucketLocation, ListObjectsV2, Put/Get/Head/DeleteObject, DeleteObjects.
 */
public final class S3Service implements AwsService, StatefulService, SelfLocking {
    static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final S3Store store;
    private final S3Notifications notifications = new S3Notifications();

    public S3Service(EmulatorContext ctx) {
        this.store = new S3Store(ctx.clock());
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_XML;
    }

    /** Bucket notifications of every bucket (listener API and recorded events). */
    public S3Notifications notifications() {
        return notifications;
    }

    /** Shorthand for {@code notifications().addListener(listener)}. */
    public void addListener(java.util.function.Consumer<S3Event> listener) {
        notifications.addListener(listener);
    }

    @Override
    public String operation(AwsRequest request) {
        return target(request).operation();
    }

    /** {@code bucket/key}, or the bucket for bucket operations. */
    @Override
    public Optional<String> resource(AwsRequest request) {
        Target t = target(request);
        return Optional.of(t.key().isEmpty() ? t.bucket() : t.bucket() + "/" + t.key());
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Target t = target(request);
        List<S3Event> events = new ArrayList<>();
        AwsResponse response;
        synchronized (store) {
            response = switch (t.operation()) {
                case "ListBuckets" -> store.listBuckets();
                case "CreateBucket" -> store.createBucket(t.bucket(), request.region());
                case "HeadBucket" -> store.headBucket(t.bucket());
                case "DeleteBucket" -> store.deleteBucket(t.bucket());
                case "GetBucketLocation" -> store.bucketLocation(t.bucket());
                case "ListObjectsV2" -> store.listObjects(t.bucket(), request.query());
                case "PutObject" -> store.putObject(t.bucket(), t.key(), request, events);
                case "GetObject" -> store.getObject(t.bucket(), t.key(), request, false);
                case "HeadObject" -> store.getObject(t.bucket(), t.key(), request, true);
                case "DeleteObject" -> store.deleteObject(t.bucket(), t.key(), request, events);
                case "DeleteObjects" -> store.deleteObjects(t.bucket(), request, events);
                default -> throw AwsException.unknownOperation(Protocol.REST_XML, t.operation());
            };
        }
        // Outside the lock: a listener may call the emulator again.
        events.forEach(notifications::publish);
        return response;
    }

    private record Target(String operation, String bucket, String key) {}

    private static Target target(AwsRequest request) {
        String path = request.path();
        Optional<String> virtualBucket = request.header("host").flatMap(S3Service::virtualHostBucket);
        String bucket;
        String key;
        if (virtualBucket.isPresent()) {
            bucket = virtualBucket.get();
            key = path.startsWith("/") ? path.substring(1) : path;
        } else {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            int slash = trimmed.indexOf('/');
            bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
            key = slash < 0 ? "" : trimmed.substring(slash + 1);
        }
        String method = request.method();
        String op;
        if (bucket.isEmpty()) {
            op = method.equals("GET") ? "ListBuckets" : "Unknown" + method;
        } else if (key.isEmpty()) {
            boolean sub = !request.query().isEmpty() && !request.query().containsKey("list-type")
                    && !request.query().keySet().stream().allMatch(S3Service::isListParam);
            op = switch (method) {
                case "PUT" -> sub ? "PutBucketSubresource" : "CreateBucket";
                case "HEAD" -> "HeadBucket";
                case "DELETE" -> sub ? "DeleteBucketSubresource" : "DeleteBucket";
                case "POST" -> request.query().containsKey("delete") ? "DeleteObjects" : "PostBucketSubresource";
                case "GET" -> request.query().containsKey("location") ? "GetBucketLocation"
                        : request.query().containsKey("list-type") ? "ListObjectsV2"
                        : sub ? "GetBucketSubresource" : "ListObjects";
                default -> "Unknown" + method;
            };
        } else {
            boolean sub = request.query().keySet().stream().anyMatch(q -> !q.startsWith("x-") && !q.startsWith("X-")
                    && !q.equals("versionId") && !q.startsWith("response-"));
            op = switch (method) {
                case "PUT" -> request.header("x-amz-copy-source").isPresent() ? "CopyObject" : sub ? "PutObjectSubresource" : "PutObject";
                case "GET" -> sub ? "GetObjectSubresource" : "GetObject";
                case "HEAD" -> "HeadObject";
                case "DELETE" -> sub ? "DeleteObjectSubresource" : "DeleteObject";
                default -> "Unknown" + method;
            };
        }
        return new Target(op, bucket, key);
    }

    private static boolean isListParam(String name) {
        return List.of("prefix", "delimiter", "max-keys", "continuation-token", "start-after", "encoding-type",
                "fetch-owner", "marker").contains(name) || name.startsWith("X-Amz-") || name.startsWith("x-id");
    }

    /** {@code bucket.localhost[:port]} names a bucket; plain hosts and IPs do not. */
    private static Optional<String> virtualHostBucket(String host) {
        String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        if (name.endsWith(".localhost") && name.length() > ".localhost".length()) {
            return Optional.of(name.substring(0, name.length() - ".localhost".length()));
        }
        return Optional.empty();
    }

    @Override
    public JsonNode snapshot() {
        synchronized (store) {
            return store.snapshot();
        }
    }

    @Override
    public void restore(JsonNode state) {
        synchronized (store) {
            store.restore(state);
        }
    }
}
