package io.jobform.aws;

import io.jobform.sync.RemoteObject;
import io.jobform.sync.SyncStore;
import io.jobform.sync.SyncStoreException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 side of {@code jobform sync}: list, put (with Content-MD5) and delete under one prefix.
 * Kept apart from the reconciler's own S3 adapter because it runs with the caller's (CI's)
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
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(SyncTarget::remote).toList();
        } catch (SdkException e) {
            throw new SyncStoreException("ListObjectsV2 s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content, String md5Base64) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentMD5(md5Base64).contentType("application/yaml"),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new SyncStoreException("PutObject s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String bucket, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new SyncStoreException("DeleteObject s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private static RemoteObject remote(S3Object object) {
        String etag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
        return new RemoteObject(object.key(), etag);
    }

    @Override
    public void close() {
        s3.close();
    }
}
