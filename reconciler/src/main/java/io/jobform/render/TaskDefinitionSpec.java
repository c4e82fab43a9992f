package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RegisterTaskDefinition for one job: every member jobform sets. The ARN (with revision) is only
 * known after registration; the state machine refers to the family, see {@link StateMachineSpec}.
 *
 * @param cpu    Fargate CPU units as the string ECS takes, e.g. {@code "512"}
 * @param memory MiB as a string, e.g. {@code "1024"}
 * @param cpuArchitecture {@code X86_64} or {@code ARM64} (runtimePlatform; operatingSystemFamily is LINUX)
 * @param ephemeralStorageGiB sent only when the manifest sets it (Fargate's default is 20 GiB)
 */
public record TaskDefinitionSpec(
        String family,
        Optional<String> taskRoleArn,
        String executionRoleArn,
        String networkMode,
        List<String> requiresCompatibilities,
        String cpu,
        String memory,
        String cpuArchitecture,
        String operatingSystemFamily,
        Optional<Integer> ephemeralStorageGiB,
        List<ContainerDefinitionSpec> containerDefinitions,
        String jobName,
        Map<String, String> baseTags) implements ResourceSpec {

    public TaskDefinitionSpec {
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        containerDefinitions = List.copyOf(containerDefinitions);
        baseTags = Map.copyOf(baseTags);
    }

    @Override
    public ResourceId id() {
        return new ResourceId(ResourceKind.TASK_DEFINITION, family);
    }

    @Override
    public Optional<String> job() {
        return Optional.of(jobName);
    }

    @Override
    public JsonNode body(Map<String, String> tags) {
        ObjectNode out = CanonicalJson.object();
        out.put("family", family);
        taskRoleArn.ifPresent(arn -> out.put("taskRoleArn", arn));
        out.put("executionRoleArn", executionRoleArn);
        out.put("networkMode", networkMode);
        requiresCompatibilities.forEach(out.putArray("requiresCompatibilities")::add);
        out.put("cpu", cpu);
        out.put("memory", memory);
        out.putObject("runtimePlatform")
                .put("cpuArchitecture", cpuArchitecture)
                .put("operatingSystemFamily", operatingSystemFamily);
        ephemeralStorageGiB.ifPresent(size -> out.putObject("ephemeralStorage").put("sizeInGiB", size));
        ArrayNode containers = out.putArray("containerDefinitions");
        containerDefinitions.forEach(c -> containers.add(c.toJson()));
        out.set("tags", Tags.keyValue(tags, "key", "value"));
        return out;
    }
}
