package io.jobform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The desired behaviour of one job, defaults applied.
 *
 * @param schedule empty for an on-demand job
 * @param cluster  the ECS cluster from the job or its JobDefaults; empty means the instance's cluster
 * @param network  empty means the instance's network configuration
 * @param input    a JSON object handed to every run; treated as immutable once loaded
 */
public record JobSpec(
        Optional<Schedule> schedule,
        boolean suspend,
        ConcurrencyPolicy concurrencyPolicy,
        Optional<Integer> startingDeadlineSeconds,
        int timeoutSeconds,
        Retries retries,
        Container container,
        Capacity capacity,
        Optional<String> cluster,
        Optional<Network> network,
        List<PermissionStatement> permissions,
        JsonNode input,
        Notifications notifications) {}
