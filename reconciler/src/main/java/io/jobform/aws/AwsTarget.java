package io.jobform.aws;

import java.net.URI;
import java.util.Optional;

/**
 * Where the AWS calls go. With an endpoint (the local emulator or any AWS-compatible endpoint)
 * jobform signs with static dummy credentials; without one it uses the default AWS chain.
 *
 * @param region      explicit region; empty means the default region chain (AWS_REGION, profile)
 * @param endpoint    endpoint override for every service
 * @param maxAttempts SDK attempts per call including the first (retry mode standard)
 */
public record AwsTarget(Optional<String> region, Optional<URI> endpoint, int maxAttempts) {

    public static final int DEFAULT_MAX_ATTEMPTS = 6;

    public static AwsTarget aws(Optional<String> region) {
        return new AwsTarget(region, Optional.empty(), DEFAULT_MAX_ATTEMPTS);
    }

    public static AwsTarget endpoint(URI endpoint, String region) {
        return new AwsTarget(Optional.of(region), Optional.of(endpoint), DEFAULT_MAX_ATTEMPTS);
    }
}
