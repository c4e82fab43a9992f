package io.jobform.aws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One bucket's objects, the only S3 object adapter: the instance's bucket (manifests, status,
 * inventory, lease) for the engine, the manifest bucket for {@code jobform sync}
 * ({@link SyncTarget}). Conditional writes use
 * {@code If-None-Match: *} and {@code If-Match} (S3 conditional writes,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html); a failed
 * precondition (412) is answered with an empty result.
 *
 * <p>S3 answers {@code 409 ConditionalRequestConflict} or {@code OperationAborted} when another
 * request on the same key is in progress ("Conditional writes": "you might receive a 409
 * Conflict ... retry"), and the SDK does not retry a 409. Every write and delete here retries it
 * a few times with a short backoff; a conditional one that still conflicts is answered empty
 * (the caller reads the object again), an unconditional one throws.
 */
public final class ObjectStore {
    /** Attempts per write on a 409 (backoff 50, 100, 200, 400 ms between them). */
    static final int CONFLICT_ATTEMPTS = 5;
    private static final long CONFLICT_BACKOFF_MILLIS = 50;

    private final S3Client s3;
    private final String bucket;

    public ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public Optional<StoredObject> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, bytes.asByteArray(), unquote(bytes.response().eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * At most {@code limit} bytes of the object: a manifest replaced by a huge object after it was
     * listed is cut there (and rejected as too large) instead of filling the heap. The rest of
     * the body is not downloaded: the stream is aborted.
     */
    public Optional<StoredObject> getAtMost(String key, int limit) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            byte[] head = in.readNBytes(limit);
            if (head.length == limit) {
                in.abort();
            }
            return Optional.of(new StoredObject(key, head, unquote(in.response().eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Every object under the prefix, following continuation tokens (1,000 keys per call). */
    public List<ObjectSummary> list(String prefix) {
        List<ObjectSummary> all = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            page.contents().forEach(o -> all.add(new ObjectSummary(o.key(), unquote(o.eTag()), o.size())));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return all;
    }

    public String put(String key, byte[] body) {
        return unquote(retryingConflicts(() -> s3.putObject(request(key).build(), RequestBody.fromBytes(body)).eTag()));
    }

    /** Writes with a Content-MD5, so S3 rejects a body that was corrupted on the way. */
    public String putVerified(String key, byte[] body, String contentType, String md5Base64) {
        PutObjectRequest request = request(key).contentType(contentType).contentMD5(md5Base64).build();
        return unquote(s3.putObject(request, RequestBody.fromBytes(body)).eTag());
    }

    /** Writes only when no object exists; empty when one does. */
    public Optional<String> putIfAbsent(String key, byte[] body) {
        return conditional(() -> s3.putObject(request(key).ifNoneMatch("*").build(), RequestBody.fromBytes(body)).eTag());
    }

    /** Writes only when the object still has {@code etag}; empty when it changed. */
    public Optional<String> putIfMatch(String key, byte[] body, String etag) {
        return conditional(() -> s3.putObject(request(key).ifMatch(quote(etag)).build(), RequestBody.fromBytes(body)).eTag());
    }

    /** Deletes only when the object still has {@code etag}; false when it changed. */
    public boolean deleteIfMatch(String key, String etag) {
        return conditional(() -> {
            s3.deleteObject(b -> b.bucket(bucket).key(key).ifMatch(quote(etag)));
            return "";
        }).isPresent();
    }

    public void delete(String key) {
        retryingConflicts(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    private PutObjectRequest.Builder request(String key) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/json");
    }

    private static Optional<String> conditional(Supplier<String> call) {
        try {
            return Optional.of(unquote(retryingConflicts(call)));
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T retryingConflicts(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (S3Exception e) {
                if (e.statusCode() != 409 || attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(CONFLICT_BACKOFF_MILLIS << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying a conflicting S3 write", e);
            }
        }
    }

    private static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
