package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ConformanceIT extends EndpointTestBase {
    private S3Client s3;
    private String bucket;

    @BeforeEach
    void bucket() {
        s3 = s3();
        bucket = unique("bucket");
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private String put(String key, String content) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content)).eTag();
    }

    @Test
    void putGetHeadDeleteRoundTrip() {
        var put = s3.putObject(b -> b.bucket(bucket).key("manifests/a b.yaml").contentType("application/yaml")
                .metadata(Map.of("owner", "team-a")), RequestBody.fromString("hello"));
        assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");

        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("manifests/a b.yaml"));
        assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentType()).isEqualTo("application/yaml");
        assertThat(got.response().metadata()).containsEntry("owner", "team-a");
        assertThat(got.response().lastModified()).isNotNull();

        var head = s3.headObject(b -> b.bucket(bucket).key("manifests/a b.yaml"));
        assertThat(head.contentLength()).isEqualTo(5L);
        assertThat(head.eTag()).isEqualTo(put.eTag());

        s3.deleteObject(b -> b.bucket(bucket).key("manifests/a b.yaml"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("manifests/a b.yaml")))
                .isInstanceOf(NoSuchKeyException.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("manifests/a b.yaml")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        // Deleting a missing key succeeds, as in S3.
        s3.deleteObject(b -> b.bucket(bucket).key("manifests/a b.yaml"));
    }

    @Test
    void largeBodyIsDecodedFromAwsChunked() {
        String content = "x".repeat(300_000) + "end";
        put("big.bin", content);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin")).asString(StandardCharsets.UTF_8))
                .isEqualTo(content);
    }

    @Test
    void missingBucketIsNoSuchBucket() {
        String missing = unique("missing");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(missing).key("x")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(missing).key("x"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(missing)))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(missing)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void invalidBucketNameIsRejected() {
        // The SDK refuses most invalid names itself; the server must too (raw, unsigned requests).
        emulatorOnly();
        for (String name : List.of("UPPER", "ab", "-leading", "a..b", "192.168.1.1", "x".repeat(64))) {
            RawHttp.Response r = RawHttp.send(endpoint, "PUT", "/" + name, Map.of(), null);
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.body()).as(name).contains("<Code>InvalidBucketName</Code>").contains("<RequestId>");
        }
    }

    @Test
    void virtualHostedStyleAddressesTheBucketByHost() {
        emulatorOnly();
        put("vh/key.txt", "virtual");
        RawHttp.Response r = RawHttp.send(endpoint, "GET", "/vh/key.txt",
                Map.of("Host", bucket + ".localhost:" + endpoint.getPort()), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("virtual");
        assertThat(r.head()).containsIgnoringCase("x-amz-request-id:");
    }

    @Test
    void conditionalPutIfNoneMatchCreatesOnlyOnce() {
        s3.putObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifNoneMatch("*"), RequestBody.fromString("a"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifNoneMatch("*"),
                RequestBody.fromString("b")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("_jobform/lease.json")).asUtf8String()).isEqualTo("a");
    }

    @Test
    void concurrentIfNoneMatchPutsHaveExactlyOneWinner() throws Exception {
        int writers = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "writer-" + i;
                results.add(pool.submit(() -> {
                    try {
                        s3.putObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifNoneMatch("*"),
                                RequestBody.fromString(body));
                        return 200;
                    } catch (S3Exception e) {
                        return e.statusCode();
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(code -> code == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void conditionalPutIfMatchComparesEtag() {
        String etag = put("_jobform/lease.json", "v1");
        String next = s3.putObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifMatch(etag),
                RequestBody.fromString("v2")).eTag();
        assertThat(next).isNotEqualTo(etag);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifMatch(etag),
                RequestBody.fromString("v3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("absent.json").ifMatch(etag),
                RequestBody.fromString("v3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("_jobform/lease.json")).asUtf8String()).isEqualTo("v2");
    }

    /** Conditional deletes (S3 User Guide, "How to perform conditional deletes"). */
    @Test
    void conditionalDeleteIfMatchComparesEtag() {
        String old = put("_jobform/lease.json", "v1");
        String current = put("_jobform/lease.json", "v2");
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifMatch(old)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("_jobform/lease.json")).asUtf8String()).isEqualTo("v2");
        s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifMatch(current));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("_jobform/lease.json")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json").ifMatch(current)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json")); // unconditional: missing is fine
    }

    @Test
    void conditionalGet() {
        String etag = put("k", "v");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").ifMatch("\"0000\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").ifMatch(etag)).asUtf8String()).isEqualTo("v");
    }

    @Test
    void listPaginatesAcrossPages() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(String.format("manifests/job-%02d.yaml", i));
        }
        keys.forEach(k -> put(k, k));
        put("other/x.yaml", "x");

        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(bucket).prefix("manifests/").maxKeys(10));
        assertThat(first.keyCount()).isEqualTo(10);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextContinuationToken()).isNotBlank();
        assertThat(first.contents()).extracting(S3Object::key).containsExactlyElementsOf(keys.subList(0, 10));
        assertThat(first.contents().get(0).size()).isEqualTo(keys.get(0).length());
        assertThat(first.contents().get(0).eTag()).startsWith("\"");

        List<String> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("manifests/").maxKeys(10)).forEach(page -> {
            pageSizes.add(page.keyCount());
            page.contents().forEach(o -> all.add(o.key()));
        });
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(all).containsExactlyElementsOf(keys);
    }

    @Test
    void listWithDelimiterGroupsCommonPrefixes() {
        for (String k : List.of("a/1", "a/2", "b/1", "c", "d/x/1", "e")) {
            put(k, k);
        }
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertThat(all.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/", "d/");
        assertThat(all.contents()).extracting(S3Object::key).containsExactly("c", "e");
        assertThat(all.keyCount()).isEqualTo(5);

        List<String> seen = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).delimiter("/").maxKeys(2)).forEach(page -> {
            page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
            page.contents().forEach(o -> seen.add(o.key()));
        });
        assertThat(seen).containsExactlyInAnyOrder("a/", "b/", "c", "d/", "e");
    }

    @Test
    void oddKeysRoundTripThroughListing() {
        List<String> keys = List.of("manifests/with space.yaml", "manifests/plus+sign.yaml", "manifests/ünïcode.yaml",
                "manifests/percent%20.yaml", "manifests/amp&eq=.yaml");
        keys.forEach(k -> put(k, k));
        List<String> listed = s3.listObjectsV2(b -> b.bucket(bucket).prefix("manifests/")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
        for (String k : keys) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asUtf8String()).isEqualTo(k);
        }
    }

    @Test
    void listEmptyPrefixAndMaxKeysLimit() {
        put("x", "x");
        ListObjectsV2Response none = s3.listObjectsV2(b -> b.bucket(bucket).prefix("nothing/"));
        assertThat(none.keyCount()).isZero();
        assertThat(none.isTruncated()).isFalse();
        ListObjectsV2Response big = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(5000));
        assertThat(big.maxKeys()).isEqualTo(1000);
    }

    @Test
    void deleteObjectsRemovesEveryListedKey() {
        for (String k : List.of("a", "b", "c")) {
            put(k, k);
        }
        var result = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("a"), o -> o.key("c"), o -> o.key("never-existed"))));
        assertThat(result.deleted()).extracting(software.amazon.awssdk.services.s3.model.DeletedObject::key)
                .containsExactlyInAnyOrder("a", "c", "never-existed");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("b");
    }

    @Test
    void startAfterSkipsKeys() {
        for (String k : List.of("a", "b", "c")) {
            put(k, k);
        }
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).startAfter("a")).contents())
                .extracting(S3Object::key).containsExactly("b", "c");
    }
}
