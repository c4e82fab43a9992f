package io.jobform.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Builds the SDK clients jobform uses, all configured the same way: explicit region, optional
 * endpoint override, the light URL-connection HTTP client, standard retries with bounded
 * attempts, and the shared client-side rate limits. Close it to release the HTTP client.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsTarget target;
    private final RateLimits limits;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final CallCounter counter = new CallCounter();

    /** The longest one API call may take, retries included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofMinutes(2);

    public final S3Client s3;
    public final EcsClient ecs;
    public final SchedulerClient scheduler;
    public final SfnClient sfn;
    public final IamClient iam;
    /** Built on first use: only `jobform logs` and `run --follow` read logs. */
    private CloudWatchLogsClient logs;

    public AwsClients(AwsTarget target, RateLimits limits) {
        keepEnoughConnectionsAlive();
        this.target = target;
        this.limits = limits;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.credentials = target.endpoint().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("jobform-local", "jobform-local"))
                : DefaultCredentialsProvider.builder().build();
        this.s3 = configure(S3Client.builder().forcePathStyle(target.endpoint().isPresent())).build();
        this.ecs = configure(EcsClient.builder()).build();
        this.scheduler = configure(SchedulerClient.builder()).build();
        this.sfn = configure(SfnClient.builder()).build();
        this.iam = configureIam(IamClient.builder()).build();
    }

    /**
     * The URL-connection client reuses at most {@code http.maxConnections} idle connections per
     * host (5 by default, "Networking Properties" of the JDK); jobform writes up to 16 objects
     * at once, and every connection beyond the fifth would pay a new TCP and TLS handshake. The
     * JDK reads the property once, before its first connection, so it is set here, where
     * jobform builds its clients, unless the user set it.
     */
    private static void keepEnoughConnectionsAlive() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "32");
        }
    }

    /** The region calls go to: the explicit one, or the SDK's default region chain. */
    public String region() {
        return target.region().orElseGet(() -> s3.serviceClientConfiguration().region().id());
    }

    /** The CloudWatch Logs client, configured like the others. */
    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = configure(CloudWatchLogsClient.builder()).build();
        }
        return logs;
    }

    /** The calls and attempts all the clients have made so far. */
    public CallStats calls() {
        return counter.snapshot();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.credentialsProvider(credentials)
                .overrideConfiguration(override());
        target.region().ifPresent(r -> builder.region(Region.of(r)));
        target.endpoint().ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    /** IAM is global: against AWS it signs for aws-global unless an endpoint is given. */
    private <B extends AwsClientBuilder<B, ?>> B configureIam(B builder) {
        configure(builder);
        if (target.endpoint().isEmpty()) {
            builder.region(Region.AWS_GLOBAL);
        }
        return builder;
    }

    private ClientOverrideConfiguration override() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(target.maxAttempts()).build())
                .addExecutionInterceptor(counter)
                .addExecutionInterceptor(new RateLimitInterceptor(limits))
                .apiCallTimeout(API_CALL_TIMEOUT)
                .build();
    }

    @Override
    public void close() {
        s3.close();
        ecs.close();
        scheduler.close();
        sfn.close();
        iam.close();
        synchronized (this) {
            if (logs != null) {
                logs.close();
            }
        }
        http.close();
    }
}
