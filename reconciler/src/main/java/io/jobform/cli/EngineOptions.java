package io.jobform.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where jobform reconciles and with which instance settings. Every option falls back to a
 * {@code JOBFORM_*} environment variable, then to a default (docs/configuration.md).
 */
public final class EngineOptions {

    @Option(names = "--local", description = "Run against the embedded AWS emulator, state kept in .jobform/local/ "
            + "(no AWS account needed).")
    boolean local;

    @Option(names = "--endpoint-url", description = "Send every AWS call to this endpoint (any AWS-compatible endpoint).")
    Optional<URI> endpointUrl = Optional.empty();

    @Option(names = "--region", description = "AWS region (default: $JOBFORM_REGION, $AWS_REGION, the AWS config).")
    Optional<String> region = Optional.empty();

    @Option(names = "--source", description = "Manifests: a directory or s3://bucket/prefix (default: $JOBFORM_SOURCE "
            + "or manifests/).")
    Optional<String> source = Optional.empty();

    @Option(names = "--instance", description = "Instance name (default: $JOBFORM_INSTANCE or jobform).")
    Optional<String> instance = Optional.empty();

    @Option(names = "--account-id", description = "AWS account id the ARNs are built with (default: $JOBFORM_ACCOUNT_ID).")
    Optional<String> accountId = Optional.empty();

    @Option(names = "--bucket", description = "Bucket for status, inventory and lease (default: $JOBFORM_BUCKET).")
    Optional<String> bucket = Optional.empty();

    @Mixin
    FallbackOptions fallback = new FallbackOptions();
}
