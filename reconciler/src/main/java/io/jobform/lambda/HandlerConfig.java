package io.jobform.lambda;

import io.jobform.config.InstanceConfig;
import io.jobform.config.WholeNumber;
import io.jobform.manifest.Network;
import io.jobform.plan.PlanPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read once from its environment (set by deploy/template.yaml).
 * Problems are collected, not thrown: a misconfigured function logs one clear line per
 * invocation and reconciles nothing.
 */
public record HandlerConfig(InstanceConfig instance, ManifestScope scope, Optional<URI> endpoint, double rateLimitScale,
        int maxDeletions, List<String> problems) {


    public HandlerConfig {
        problems = List.copyOf(problems);
    }

    public boolean usable() {
        return problems.isEmpty();
    }

    public static HandlerConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String instance = value(env, "JOBFORM_INSTANCE").orElse(InstanceConfig.DEFAULT_INSTANCE);
        InstanceConfig.nameProblem("JOBFORM_INSTANCE", instance).ifPresent(problems::add);
        String bucket = required(env, "JOBFORM_BUCKET", problems);
        String region = required(env, "AWS_REGION", problems);
        String account = required(env, "JOBFORM_ACCOUNT_ID", problems);
        if (!account.isEmpty()) {
            InstanceConfig.accountProblem("JOBFORM_ACCOUNT_ID", account).ifPresent(problems::add);
        }
        String partition = value(env, "JOBFORM_PARTITION").orElse("aws");
        // No cluster of its own, as in the CLI: a job that names none anywhere is a positioned error
        // in plan and here alike (the template always passes its ClusterName parameter).
        String cluster = value(env, "JOBFORM_CLUSTER").orElse("");
        List<String> subnets = list(env, "JOBFORM_SUBNETS");
        List<String> securityGroups = list(env, "JOBFORM_SECURITY_GROUPS");
        boolean publicIp = assignPublicIp(env, problems);
        Optional<Network> network = subnets.isEmpty()
                ? Optional.empty()
                : Optional.of(new Network(subnets, securityGroups,
                        publicIp));
        Optional<String> boundary = value(env, "JOBFORM_BOUNDARY_ARN");
        String prefix = value(env, "JOBFORM_MANIFEST_PREFIX").orElse("manifests/");
        // Only for running the handler against a local emulator; never set by the template.
        Optional<URI> endpoint = Optional.empty();
        Optional<String> endpointText = value(env, "JOBFORM_ENDPOINT_URL");
        if (endpointText.isPresent()) {
            try {
                endpoint = Optional.of(new URI(endpointText.get()));
            } catch (URISyntaxException e) {
                problems.add("JOBFORM_ENDPOINT_URL is not a URI");
            }
        }
        // Only for tests and benchmarks against the emulator: multiplies AWS's published rates.
        double rateLimitScale = 1.0;
        Optional<String> scaleText = value(env, "JOBFORM_RATE_LIMIT_SCALE");
        if (scaleText.isPresent()) {
            try {
                rateLimitScale = Double.parseDouble(scaleText.get());
            } catch (NumberFormatException e) {
                problems.add("JOBFORM_RATE_LIMIT_SCALE must be a number");
            }
            if (!(rateLimitScale > 0)) {
                problems.add("JOBFORM_RATE_LIMIT_SCALE must be positive");
                rateLimitScale = 1.0;
            }
        }
        // The same prune guard as the CLI's, read as strictly.
        int maxDeletions = PlanPolicy.DEFAULT_MAX_DELETIONS;
        Optional<String> limit = Optional.ofNullable(env.get(WholeNumber.MAX_DELETIONS.setting()));
        if (limit.isPresent()) {
            try {
                maxDeletions = WholeNumber.MAX_DELETIONS.parse(limit.get());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        InstanceConfig config = new InstanceConfig(instance, partition, region, account, cluster, network, boundary);
        return new HandlerConfig(config, new ManifestScope(bucket, prefix), endpoint, rateLimitScale, maxDeletions,
                problems);
    }

    /** Read strictly: {@code yes} or {@code TRUE } silently meaning false would hide a typo. */
    private static boolean assignPublicIp(Map<String, String> env, List<String> problems) {
        Optional<String> text = value(env, "JOBFORM_ASSIGN_PUBLIC_IP");
        if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
            problems.add("JOBFORM_ASSIGN_PUBLIC_IP must be true or false, not '" + text.get() + "'");
        }
        return text.filter("true"::equals).isPresent();
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = value(env, name);
        if (value.isEmpty()) {
            problems.add(name + " is not set");
        }
        return value.orElse("");
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static List<String> list(Map<String, String> env, String name) {
        return value(env, name)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
