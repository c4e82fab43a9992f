package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ConformanceIT extends EndpointTestBase {

    @Test
    void putGetRoundTrip() {
        try (S3Client s3 = s3()) {
            String bucket = unique("bucket");
            s3.createBucket(b -> b.bucket(bucket));
            var put = s3.putObject(b -> b.bucket(bucket).key("manifests/a b.yaml"), RequestBody.fromString("hello"));
            assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
            var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("manifests/a b.yaml"));
            assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(got.response().eTag()).isEqualTo(put.eTag());
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("missing")))
                    .isInstanceOf(NoSuchKeyException.class);
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(unique("nobucket")).key("x")))
                    .isInstanceOf(NoSuchBucketException.class);
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("manifests/a b.yaml").ifNoneMatch("*"),
                    RequestBody.fromString("again")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        }
    }
}
