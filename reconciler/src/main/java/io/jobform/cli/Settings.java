package io.jobform.cli;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration: a flag wins over its {@code JOBFORM_*} variable, which wins over
 * the default. Cluster and network here are the instance's fallback: a job's manifest and its
 * JobDefaults take precedence over them (the renderer resolves job, then JobDefaults, then these).
 */
record Settings(String instance, Optional<String> region, Optional<String> accountId, Optional<String> bucket,
        String source, String cluster, Optional<Network> network, Optional<String> boundaryArn) {

    static final String LOCAL_ACCOUNT = "123456789012";
    static final String LOCAL_BUCKET = "jobform-local";

    static Settings resolve(EngineOptions o, Map<String, String> env) {
        String instance = o.instance.or(() -> env(env, "JOBFORM_INSTANCE")).orElse(InstanceConfig.DEFAULT_INSTANCE);
        Optional<String> region = o.region.or(() -> env(env, "JOBFORM_REGION")).or(() -> env(env, "AWS_REGION"));
        Optional<String> account = o.accountId.or(() -> env(env, "JOBFORM_ACCOUNT_ID"));
        Optional<String> bucket = o.bucket.or(() -> env(env, "JOBFORM_BUCKET"));
        String source = o.source.or(() -> env(env, "JOBFORM_SOURCE")).orElse("manifests");
        String cluster = o.fallback.cluster(env);
        Optional<Network> network = o.fallback.network(env);
        Optional<String> boundary = o.fallback.boundaryArn(env);
        // Read as strictly as the Lambda function reads them (HandlerConfig): a name that cannot
        // prefix AWS names or an account that cannot be in an ARN is a usage error, not a failed apply.
        String instanceSetting = o.instance.isPresent() ? "--instance" : "JOBFORM_INSTANCE";
        InstanceConfig.nameProblem(instanceSetting, instance).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String accountSetting = o.accountId.isPresent() ? "--account-id" : "JOBFORM_ACCOUNT_ID";
        account.flatMap(a -> InstanceConfig.accountProblem(accountSetting, a)).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (o.local) {
            // What a deployment would provide, so the examples run on a fresh machine.
            region = Optional.of(region.orElse("us-east-1"));
            account = Optional.of(account.orElse(LOCAL_ACCOUNT));
            bucket = Optional.of(bucket.orElse(LOCAL_BUCKET));
            cluster = cluster.isEmpty() ? "jobform-local" : cluster;
            network = network.or(() -> Optional.of(new Network(List.of("subnet-0local"), List.of("sg-0local"), false)));
            boundary = boundary.or(() -> Optional.of("arn:aws:iam::" + LOCAL_ACCOUNT + ":policy/jobform-boundary"));
        }
        return new Settings(instance, region, account, bucket, source, cluster, network, boundary);
    }

    InstanceConfig config(String effectiveRegion) {
        return new InstanceConfig(instance, partitionOf(effectiveRegion), effectiveRegion, accountId.orElseThrow(),
                cluster, network, boundaryArn);
    }

    static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** A {@code JOBFORM_*} variable's value; a blank one counts as unset. */
    static Optional<String> env(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
