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
import java.util.regex.Pattern;

/**
 * The function's configuration, read once from its environment (set by deploy/template.yaml).
 * Problems are collected, not thrown: a misconfigured function logs one clear line per
 * invocation and reconciles nothing.
 */
public record HandlerConfig(InstanceConfig instance, ManifestScope scope, Optional<URI> endpoint, double rateLimitScale,
        int maxDeletions, List<String> problems) {

    private static final Pattern INSTANCE_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,19}$");
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");

    public HandlerConfig {
        problems = List.copyOf(problems);
    }

    public boolean usable() {
        return problems.isEmpty();
    }

    public static HandlerConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String instance = value(env, "JOBFORM_INSTANCE").orElse(InstanceConfig.DEFAULT_INSTANCE);
        if (!INSTANCE_NAME.matcher(instance).matches()) {
            problems.add("JOBFORM_INSTANCE must match ^[a-z][a-z0-9-]*$ and have at most 20 characters");
        }
        String bucket = required(env, "JOBFORM_BUCKET", problems);
        String region = required(env, "AWS_REGION", problems);
        String account = required(env, "JOBFORM_ACCOUNT_ID", problems);
        if (!account.isEmpty() && !ACCOUNT.matcher(account).matches()) {
            problems.add("JOBFORM_ACCOUNT_ID must be 12 digits");
        }
        String partition = value(env, "JOBFORM_PARTITION").orElse("aws");
        String cluster = value(env, "JOBFORM_CLUSTER").orElse("default");
        List<String> subnets = list(env, "JOBFORM_SUBNETS");
        List<String> securityGroups = list(env, "JOBFORM_SECURITY_GROUPS");
        Optional<Network> network = subnets.isEmpty()
                ? Optional.empty()
                : Optional.of(new Network(subnets, securityGroups,
                        Boolean.parseBoolean(value(env, "JOBFORM_ASSIGN_PUBLIC_IP").orElse("false"))));
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
