package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Container definition checks (botocore ecs ContainerDefinition, KeyValuePair, Secret and
 * LogConfiguration shapes; ECS Developer Guide "Container definitions"), and the defaults
 * DescribeTaskDefinition shows for members that were not sent.
 */
final class ContainerRules {
    private ContainerRules() {}

    static ArrayNode validate(Fields task, boolean fargate, boolean hasExecutionRole) {
        List<Fields> containers = task.objects("containerDefinitions");
        if (containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        if (containers.size() > TaskDefinitionRules.MAX_CONTAINERS) {
            throw EcsErrors.client("Too many containers: a task definition can have at most "
                    + TaskDefinitionRules.MAX_CONTAINERS + " containers.");
        }
        Set<String> names = new HashSet<>();
        boolean anyEssential = false;
        ArrayNode out = task.node().arrayNode();
        for (Fields c : containers) {
            String name = c.string("name").filter(s -> !s.isEmpty())
                    .orElseThrow(() -> EcsErrors.client("Container.name should not be null or empty."));
            if (!TaskDefinitionRules.NAME.matcher(name).matches()) {
                throw EcsErrors.client("Container name '" + name + "' is invalid. Up to 255 letters (uppercase and "
                        + "lowercase), numbers, hyphens, and underscores are allowed.");
            }
            if (!names.add(name)) {
                throw EcsErrors.client("Container names must be unique within a task definition: " + name);
            }
            c.string("image").filter(s -> !s.isBlank())
                    .orElseThrow(() -> EcsErrors.client("Container.image should not be null or empty."));
            boolean essential = c.bool("essential").orElse(true);
            anyEssential |= essential;
            c.integer("cpu", 0, Integer.MAX_VALUE);
            c.integer("memory", 6, Integer.MAX_VALUE);
            c.integer("memoryReservation", 6, Integer.MAX_VALUE);
            for (Fields env : c.objects("environment")) {
                env.string("name").filter(s -> !s.isEmpty()).orElseThrow(() -> EcsErrors.client(
                        "Environment variable name in container '" + name + "' should not be null or empty."));
                env.string("value");
            }
            boolean hasSecrets = false;
            for (Fields secret : c.objects("secrets")) {
                secret.string("name").filter(s -> !s.isEmpty()).orElseThrow(() -> EcsErrors.client(
                        "Secret name in container '" + name + "' should not be null or empty."));
                secret.string("valueFrom").filter(s -> !s.isEmpty()).orElseThrow(() -> EcsErrors.client(
                        "Secret valueFrom in container '" + name + "' should not be null or empty."));
                hasSecrets = true;
            }
            if (hasSecrets && !hasExecutionRole) {
                throw EcsErrors.client("When you are specifying container secrets, you must also specify a value for "
                        + "'executionRoleArn'.");
            }
            logConfiguration(c, name, fargate, hasExecutionRole);
            out.add(withDefaults(c.node().deepCopy(), essential));
        }
        if (!anyEssential) {
            throw EcsErrors.client("At least one essential container is required in a task definition.");
        }
        return out;
    }

    private static void logConfiguration(Fields c, String name, boolean fargate, boolean hasExecutionRole) {
        c.object("logConfiguration").ifPresent(log -> {
            String driver = log.string("logDriver").orElseThrow(() -> EcsErrors.client(
                    "LogConfiguration.logDriver in container '" + name + "' should not be null or empty."));
            if (!TaskDefinitionRules.LOG_DRIVERS.contains(driver)) {
                throw EcsErrors.client("Log driver " + driver + " is not supported. Valid values: "
                        + TaskDefinitionRules.LOG_DRIVERS);
            }
            if (fargate && !TaskDefinitionRules.FARGATE_LOG_DRIVERS.contains(driver)) {
                throw EcsErrors.client("Fargate does not support log driver " + driver + ". Supported: "
                        + TaskDefinitionRules.FARGATE_LOG_DRIVERS);
            }
            log.object("options").ifPresent(options -> options.node().fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw EcsErrors.client("Log configuration option " + e.getKey() + " must be a string.");
                }
            }));
            if (fargate && "awslogs".equals(driver) && !hasExecutionRole) {
                throw EcsErrors.client("Fargate requires task definition to have execution role ARN to support log "
                        + "driver awslogs.");
            }
        });
    }

    private static ObjectNode withDefaults(ObjectNode c, boolean essential) {
        c.put("essential", essential);
        if (!c.has("cpu")) {
            c.put("cpu", 0);
        }
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
            if (!c.has(list)) {
                c.set(list, c.arrayNode());
            }
        }
        return c;
    }
}
