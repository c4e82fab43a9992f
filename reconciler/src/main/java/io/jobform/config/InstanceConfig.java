package io.jobform.config;

import io.jobform.manifest.Network;
import java.util.Optional;

/**
 * One deployment of jobform. Several instances can share an account; each owns only the
 * resources named and tagged for it.
 *
 * @param instance               name prefix of everything this instance owns (default {@code jobform})
 * @param partition              {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param cluster                ECS cluster name used when neither job nor JobDefaults set one
 * @param network                network used when neither job nor JobDefaults set one
 * @param permissionsBoundaryArn attached to every role jobform creates, when set
 */
public record InstanceConfig(
        String instance,
        String partition,
        String region,
        String accountId,
        String cluster,
        Optional<Network> network,
        Optional<String> permissionsBoundaryArn) {

    public static final String DEFAULT_INSTANCE = "jobform";
}
