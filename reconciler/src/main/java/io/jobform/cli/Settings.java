package io.jobform.cli;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import java.util.Arrays;
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
        String cluster = o.cluster.or(() -> env(env, "JOBFORM_CLUSTER")).orElse("");
        List<String> subnets = !o.subnets.isEmpty() ? o.subnets : list(env(env, "JOBFORM_SUBNETS"));
        List<String> groups = !o.securityGroups.isEmpty() ? o.securityGroups : list(env(env, "JOBFORM_SECURITY_GROUPS"));
        boolean publicIp = assignPublicIp(o.assignPublicIp, env);
        Optional<Network> network = subnets.isEmpty() ? Optional.empty()
                : Optional.of(new Network(subnets, groups, publicIp));
        Optional<String> boundary = o.boundaryArn.or(() -> env(env, "JOBFORM_BOUNDARY_ARN"));
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

    /**
     * {@code --assign-public-ip}, else {@code JOBFORM_ASSIGN_PUBLIC_IP}, else false; read strictly
     * ({@code yes} silently meaning false would hide a typo).
     *
     * @throws IllegalArgumentException naming the setting
     */
    static boolean assignPublicIp(Optional<String> flag, Map<String, String> env) {
        String setting = flag.isPresent() ? "--assign-public-ip" : "JOBFORM_ASSIGN_PUBLIC_IP";
        Optional<String> text = flag.or(() -> env(env, "JOBFORM_ASSIGN_PUBLIC_IP"));
        if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
            throw new IllegalArgumentException(setting + " must be true or false, not '" + text.get() + "'");
        }
        return text.filter("true"::equals).isPresent();
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

    private static Optional<String> env(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
