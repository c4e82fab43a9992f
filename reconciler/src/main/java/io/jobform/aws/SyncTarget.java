package io.jobform.aws;

import io.jobform.sync.RemoteObject;
import io.jobform.sync.SyncStore;
import io.jobform.sync.SyncStoreException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 side of {@code jobform sync}: list, put (with Content-MD5) and delete under one prefix,
 * through {@link ObjectStore}. It owns its own client because it runs with the caller's (CI's)
 * credentials, never the Lambda's; see ActionCoverageTest.
 */
public final class SyncTarget implements SyncStore, AutoCloseable {

    private final S3Client s3;

    public SyncTarget(S3Client s3) {
        this.s3 = s3;
    }

    /** A client with the default credentials chain; an endpoint (e.g. the local emulator) implies path-style. */
    public static SyncTarget connect(Optional<String> region, Optional<URI> endpoint) {
        S3ClientBuilder builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return new SyncTarget(builder.build());
    }

    @Override
    public List<RemoteObject> list(String bucket, String prefix) {
        return call("ListObjectsV2", bucket, prefix, () -> new ObjectStore(s3, bucket).list(prefix).stream()
                .map(o -> new RemoteObject(o.key(), o.etag())).toList());
    }

    @Override
    public void put(String bucket, String key, byte[] content, String md5Base64) {
        call("PutObject", bucket, key,
                () -> new ObjectStore(s3, bucket).putVerified(key, content, "application/yaml", md5Base64));
    }

    @Override
    public void delete(String bucket, String key) {
        call("DeleteObject", bucket, key, () -> {
            new ObjectStore(s3, bucket).delete(key);
            return key;
        });
    }

    /** One line for the user: the operation, the location and what S3 (or the connection) said. */
    private static <T> T call(String operation, String bucket, String key, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw new SyncStoreException(operation + " s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
