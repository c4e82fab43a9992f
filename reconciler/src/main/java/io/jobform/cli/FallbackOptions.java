package io.jobform.cli;

import io.jobform.manifest.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The instance's fallback for what a job's manifest and its JobDefaults leave open (cluster,
 * network) and the boundary of every role: the same options and {@code JOBFORM_*} variables for
 * plan, apply and render, read the same way (docs/configuration.md).
 */
public final class FallbackOptions {

    @Option(names = "--cluster", description = "ECS cluster for jobs whose manifest and JobDefaults name none "
            + "(default: $JOBFORM_CLUSTER; none otherwise, an error for such jobs).")
    Optional<String> cluster = Optional.empty();

    @Option(names = "--subnets", split = ",", description = "Subnets for jobs that name none (default: $JOBFORM_SUBNETS).")
    List<String> subnets = List.of();

    @Option(names = "--security-groups", split = ",",
            description = "Security groups for jobs that name none (default: $JOBFORM_SECURITY_GROUPS).")
    List<String> securityGroups = List.of();

    @Option(names = "--assign-public-ip", paramLabel = "true|false", description = "Give the tasks of jobs that name "
            + "no network a public IP (default: $JOBFORM_ASSIGN_PUBLIC_IP or false).")
    Optional<String> assignPublicIp = Optional.empty();

    @Option(names = {"--boundary-arn", "--permissions-boundary"}, paramLabel = "ARN",
            description = "Permissions boundary policy ARN put on every role (default: $JOBFORM_BOUNDARY_ARN).")
    Optional<String> boundaryArn = Optional.empty();

    /** The flag, else the variable, else none (empty). */
    String cluster(Map<String, String> env) {
        return cluster.or(() -> Settings.env(env, "JOBFORM_CLUSTER")).orElse("");
    }

    /** @throws IllegalArgumentException naming the setting when the public-IP value is not true or false */
    Optional<Network> network(Map<String, String> env) {
        List<String> subnetIds = !subnets.isEmpty() ? subnets : list(Settings.env(env, "JOBFORM_SUBNETS"));
        List<String> groupIds = !securityGroups.isEmpty() ? securityGroups
                : list(Settings.env(env, "JOBFORM_SECURITY_GROUPS"));
        boolean publicIp = assignPublicIp(env);
        return subnetIds.isEmpty() ? Optional.empty() : Optional.of(new Network(subnetIds, groupIds, publicIp));
    }

    Optional<String> boundaryArn(Map<String, String> env) {
        return boundaryArn.or(() -> Settings.env(env, "JOBFORM_BOUNDARY_ARN"));
    }

    /** Read strictly: {@code yes} silently meaning false would hide a typo. */
    private boolean assignPublicIp(Map<String, String> env) {
        String setting = assignPublicIp.isPresent() ? "--assign-public-ip" : "JOBFORM_ASSIGN_PUBLIC_IP";
        Optional<String> text = assignPublicIp.or(() -> Settings.env(env, "JOBFORM_ASSIGN_PUBLIC_IP"));
        if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
            throw new IllegalArgumentException(setting + " must be true or false, not '" + text.get() + "'");
        }
        return text.filter("true"::equals).isPresent();
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
