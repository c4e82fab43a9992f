package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RegisterTaskDefinition input checks, as ECS applies them (botocore ecs/2014-11-13
 * RegisterTaskDefinitionRequest and ContainerDefinition shapes; API_RegisterTaskDefinition and
 * the "Task definition parameters" / Fargate pages of the ECS Developer Guide). Returns the
 * task-level fields normalised the way DescribeTaskDefinition shows them.
 */
final class TaskDefinitionRules {
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,255}$");
    static final List<String> NETWORK_MODES = List.of("bridge", "host", "awsvpc", "none");
    static final List<String> COMPATIBILITIES = List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");
    static final List<String> ARCHITECTURES = List.of("X86_64", "ARM64");
    static final List<String> OS_FAMILIES = List.of("WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE",
            "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE", "WINDOWS_SERVER_2022_CORE",
            "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL",
            "WINDOWS_SERVER_20H2_CORE", "LINUX");
    /** Fargate supports only these log drivers (ECS Developer Guide, LogConfiguration). */
    static final List<String> LOG_DRIVERS = List.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs",
            "splunk", "awsfirelens");
    static final List<String> FARGATE_LOG_DRIVERS = List.of("awslogs", "splunk", "awsfirelens");
    static final int MAX_CONTAINERS = 10;

    private TaskDefinitionRules() {}

    /** Validates the request and returns the normalised task-level body (without ARN/revision). */
    static ObjectNode validate(Fields in) {
        String family = in.string("family").orElseThrow(() -> EcsErrors.client("Family must not be null or empty."));
        if (!NAME.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters or is too long. Up to 255 letters (uppercase and "
                    + "lowercase), numbers, hyphens, and underscores are allowed.");
        }
        ObjectNode out = in.node().deepCopy();
        out.remove("tags");
        List<String> compat = in.strings("requiresCompatibilities");
        for (String c : compat) {
            if (!COMPATIBILITIES.contains(c)) {
                throw EcsErrors.client("Invalid requiresCompatibilities value: " + c);
            }
        }
        boolean fargate = compat.contains("FARGATE");
        String networkMode = in.string("networkMode").orElse(fargate ? "" : "bridge");
        if (!networkMode.isEmpty() && !NETWORK_MODES.contains(networkMode)) {
            throw EcsErrors.client("Invalid networkMode: " + networkMode + ". Valid values: " + NETWORK_MODES);
        }
        if (fargate && !"awsvpc".equals(networkMode)) {
            throw EcsErrors.client("Fargate only supports network mode 'awsvpc'.");
        }
        out.put("networkMode", networkMode);
        taskSize(in, out, fargate);
        ephemeralStorage(in, fargate);
        runtimePlatform(in);
        boolean hasExecutionRole = in.string("executionRoleArn").filter(s -> !s.isBlank()).isPresent();
        ArrayNode containers = ContainerRules.validate(in, fargate, hasExecutionRole);
        out.set("containerDefinitions", containers);
        ArrayNode compatibilities = out.arrayNode();
        compatibilities.add("EC2");
        if (fargate || "awsvpc".equals(networkMode)) {
            compatibilities.add("FARGATE");
        }
        out.set("compatibilities", compatibilities);
        if (!out.has("requiresCompatibilities")) {
            out.set("requiresCompatibilities", out.arrayNode());
        }
        if (!out.has("volumes")) {
            out.set("volumes", out.arrayNode());
        }
        if (!out.has("placementConstraints")) {
            out.set("placementConstraints", out.arrayNode());
        }
        return out;
    }

    private static void taskSize(Fields in, ObjectNode out, boolean fargate) {
        Integer cpu = in.string("cpu").map(v -> FargateSizes.cpuUnits(v)
                .orElseThrow(() -> EcsErrors.client("Invalid 'cpu' setting for task: " + v))).orElse(null);
        Integer memory = in.string("memory").map(v -> FargateSizes.memoryMiB(v)
                .orElseThrow(() -> EcsErrors.client("Invalid 'memory' setting for task: " + v))).orElse(null);
        if (cpu != null) {
            out.put("cpu", Integer.toString(cpu));
        }
        if (memory != null) {
            out.put("memory", Integer.toString(memory));
        }
        if (!fargate) {
            return;
        }
        if (cpu == null) {
            throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
        }
        if (!FargateSizes.valid(cpu, memory)) {
            throw EcsErrors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.");
        }
    }

    private static void ephemeralStorage(Fields in, boolean fargate) {
        in.object("ephemeralStorage").ifPresent(storage -> {
            long size = storage.integer("sizeInGiB")
                    .orElseThrow(() -> EcsErrors.client("ephemeralStorage.sizeInGiB must be specified."));
            if (!fargate) {
                throw EcsErrors.client("Ephemeral storage configuration is only supported for tasks hosted on Fargate.");
            }
            if (size < 21 || size > 200) {
                throw EcsErrors.client("The ephemeral storage size must be between 21 GiB and 200 GiB: " + size);
            }
        });
    }

    private static void runtimePlatform(Fields in) {
        in.object("runtimePlatform").ifPresent(platform -> {
            platform.string("cpuArchitecture").ifPresent(a -> {
                if (!ARCHITECTURES.contains(a)) {
                    throw EcsErrors.client("Invalid cpuArchitecture: " + a + ". Valid values: " + ARCHITECTURES);
                }
            });
            platform.string("operatingSystemFamily").ifPresent(os -> {
                if (!OS_FAMILIES.contains(os)) {
                    throw EcsErrors.client("Invalid operatingSystemFamily: " + os + ". Valid values: " + OS_FAMILIES);
                }
            });
        });
    }
}
