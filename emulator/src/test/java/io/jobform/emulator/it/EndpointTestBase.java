package io.jobform.emulator.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jobform.emulator.Emulator;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Base of the conformance suites: runs against an in-process emulator, or against the
 * endpoint in {@code JOBFORM_IT_ENDPOINT} when set (then emulator-only tests are skipped via
 * {@link #emulatorOnly()}). Clients use the real SDK with retries off, so every error
 * surfaces as the SDK raises it.
 */
public abstract class EndpointTestBase {
    protected static Emulator emulator;
    protected static URI endpoint;
    protected static SdkHttpClient http;

    @BeforeAll
    static void startEndpoint() {
        http = UrlConnectionHttpClient.create();
        Optional<String> external = Optional.ofNullable(System.getenv("JOBFORM_IT_ENDPOINT")).filter(s -> !s.isBlank());
        if (external.isPresent()) {
            endpoint = URI.create(external.get());
        } else {
            emulator = Emulator.start();
            endpoint = emulator.endpoint();
        }
    }

    @AfterAll
    static void stopEndpoint() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        http.close();
    }

    /** Skips the calling test unless it runs against the in-process emulator. */
    protected static Emulator emulatorOnly() {
        assumeTrue(emulator != null, "emulator-only test (JOBFORM_IT_ENDPOINT is set)");
        return emulator;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR", "emulator-secret"));
    }

    protected static S3Client s3() {
        return s3(endpoint);
    }

    protected static IamClient iam() {
        return iam(endpoint);
    }

    protected static ResourceGroupsTaggingApiClient tagging() {
        return tagging(endpoint);
    }

    protected static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(http).forcePathStyle(true)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    protected static IamClient iam(URI endpoint) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(credentials())
                .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    protected static ResourceGroupsTaggingApiClient tagging(URI endpoint) {
        return ResourceGroupsTaggingApiClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
