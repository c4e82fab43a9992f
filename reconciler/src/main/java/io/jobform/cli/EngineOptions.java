package io.jobform.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--cluster", description = "ECS cluster for jobs that name none (default: $JOBFORM_CLUSTER).")
    Optional<String> cluster = Optional.empty();

    @Option(names = "--subnets", split = ",", description = "Subnets for jobs that name none (default: $JOBFORM_SUBNETS).")
    List<String> subnets = List.of();

    @Option(names = "--security-groups", split = ",",
            description = "Security groups for jobs that name none (default: $JOBFORM_SECURITY_GROUPS).")
    List<String> securityGroups = List.of();

    @Option(names = "--assign-public-ip", paramLabel = "true|false", description = "Give the tasks of jobs that name "
            + "no network a public IP (default: $JOBFORM_ASSIGN_PUBLIC_IP or false).")
    Optional<String> assignPublicIp = Optional.empty();

    @Option(names = "--boundary-arn", description = "Permissions boundary of every role (default: $JOBFORM_BOUNDARY_ARN).")
    Optional<String> boundaryArn = Optional.empty();
}
