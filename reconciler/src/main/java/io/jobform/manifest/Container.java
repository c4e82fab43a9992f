package io.jobform.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one essential container of the job's task.
 *
 * @param env     plain environment values, sorted by name
 * @param secrets environment name to a Secrets Manager or SSM Parameter Store ARN, sorted by name
 * @param cpu     Fargate CPU units
 * @param memory  MiB
 */
public record Container(
        String image,
        List<String> command,
        List<String> entryPoint,
        Map<String, String> env,
        Map<String, String> secrets,
        int cpu,
        int memory,
        Optional<Integer> ephemeralStorageGiB,
        Architecture architecture) {}
