package io.jobform.emulator.core;

import java.util.Optional;

/**
 * One emulated AWS service. The server routes a request to the service whose
 * {@link #signingName()} matches the SigV4 credential scope, counts and throttles it, injects
 * faults, and renders an {@link AwsException} in {@link #protocol()}.
 */
public interface AwsService {

    /** The SigV4 signing name: s3, ecs, scheduler, states, iam, tagging. */
    String signingName();

    Protocol protocol();

    /** The operation name (e.g. RegisterTaskDefinition), for counters, limits and faults. */
    String operation(AwsRequest request);

    AwsResponse handle(AwsRequest request);

    /**
     * What the call acts on, for fault rules narrowed to a resource; empty lets the server
     * derive it from the request's protocol.
     */
    default Optional<String> resource(AwsRequest request) {
        return Optional.empty();
    }

    /** Test hooks under /_emulator/&lt;signingName&gt;/...; empty when the path is unknown. */
    default Optional<AwsResponse> admin(AwsRequest request) {
        return Optional.empty();
    }
}
