package io.jobform.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.plan.LiveResource;
import io.jobform.render.CanonicalJson;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * Reads an owned resource as it is live, in the shape of the request jobform sends for it
 * ({@code ResourceSpec.body}: AWS member names, the spec-hash tag left out), so that
 * {@code apply --deep} can compare field by field. Only members jobform sets are read, and
 * values AWS fills in when they are omitted are read as the default they stand for. Empty when
 * the resource is gone. Schedules, groups and roles are read by {@link LiveSpecReads}.
 */
public final class LiveSpecReader {
    private final AwsClients clients;
    private final String instance;

    public LiveSpecReader(AwsClients clients, String instance) {
        this.clients = clients;
        this.instance = instance;
    }

    /** @param arn the observed ARN (for a task definition the family is read, not that revision) */
    public Optional<LiveResource> read(ResourceId id, String arn) {
        if (id.kind() == io.jobform.resource.ResourceKind.TASK_DEFINITION) {
            return taskDefinition(id.name());
        }
        Optional<JsonNode> body = switch (id.kind()) {
            case STATE_MACHINE -> stateMachine(arn);
            case SCHEDULE -> LiveSpecReads.schedule(clients.scheduler, instance, id.name());
            case SCHEDULE_GROUP -> LiveSpecReads.group(clients.scheduler, id.name(), arn);
            case ROLE -> LiveSpecReads.role(clients.iam, id.name());
            case TASK_DEFINITION -> Optional.empty();
        };
        return body.map(b -> new LiveResource(arn, b));
    }

    /** DescribeTaskDefinition of the family: its latest ACTIVE revision, the one RunTask starts. */
    private Optional<LiveResource> taskDefinition(String family) {
        DescribeTaskDefinitionResponse r;
        try {
            r = clients.ecs.describeTaskDefinition(b -> b.taskDefinition(family).include(TaskDefinitionField.TAGS));
        } catch (ClientException e) {
            return Optional.empty();
        }
        TaskDefinition td = r.taskDefinition();
        ObjectNode out = CanonicalJson.object();
        out.put("family", td.family());
        if (td.taskRoleArn() != null) {
            out.put("taskRoleArn", td.taskRoleArn());
        }
        out.put("executionRoleArn", td.executionRoleArn());
        out.put("networkMode", td.networkModeAsString());
        td.requiresCompatibilitiesAsStrings().forEach(out.putArray("requiresCompatibilities")::add);
        out.put("cpu", td.cpu());
        out.put("memory", td.memory());
        if (td.runtimePlatform() != null) {
            out.putObject("runtimePlatform").put("cpuArchitecture", td.runtimePlatform().cpuArchitectureAsString())
                    .put("operatingSystemFamily", td.runtimePlatform().operatingSystemFamilyAsString());
        }
        // Fargate gives a task 20 GiB when ephemeralStorage is omitted (Amazon ECS developer guide,
        // "Fargate task ephemeral storage"), so an explicit 20 is the same as none.
        if (td.ephemeralStorage() != null && td.ephemeralStorage().sizeInGiB() != null
                && td.ephemeralStorage().sizeInGiB() != 20) {
            out.putObject("ephemeralStorage").put("sizeInGiB", td.ephemeralStorage().sizeInGiB());
        }
        ArrayNode containers = out.putArray("containerDefinitions");
        td.containerDefinitions().forEach(c -> containers.add(container(c)));
        Map<String, String> tags = new TreeMap<>();
        r.tags().forEach(t -> tags.put(t.key(), t.value()));
        out.set("tags", keyValue(tags, "key", "value"));
        return Optional.of(new LiveResource(td.taskDefinitionArn(), out));
    }

    private static ObjectNode container(ContainerDefinition c) {
        ObjectNode out = CanonicalJson.object();
        out.put("name", c.name());
        out.put("image", c.image());
        // "If this parameter is omitted, a container is assumed to be essential" (ECS API
        // reference, ContainerDefinition.essential).
        out.put("essential", c.essential() == null || c.essential());
        if (c.hasCommand() && !c.command().isEmpty()) {
            c.command().forEach(out.putArray("command")::add);
        }
        if (c.hasEntryPoint() && !c.entryPoint().isEmpty()) {
            c.entryPoint().forEach(out.putArray("entryPoint")::add);
        }
        // ECS keeps no promise about the order of environment and secrets; jobform sends them by name.
        Map<String, String> env = new TreeMap<>();
        c.environment().forEach(kv -> env.put(kv.name(), kv.value()));
        ArrayNode envOut = out.putArray("environment");
        env.forEach((k, v) -> envOut.addObject().put("name", k).put("value", v));
        Map<String, String> secrets = new TreeMap<>();
        c.secrets().forEach(s -> secrets.put(s.name(), s.valueFrom()));
        ArrayNode secretsOut = out.putArray("secrets");
        secrets.forEach((k, v) -> secretsOut.addObject().put("name", k).put("valueFrom", v));
        if (c.logConfiguration() != null) {
            ObjectNode log = out.putObject("logConfiguration");
            log.put("logDriver", c.logConfiguration().logDriverAsString());
            ObjectNode options = log.putObject("options");
            new TreeMap<>(c.logConfiguration().options()).forEach(options::put);
        }
        return out;
    }

    private Optional<JsonNode> stateMachine(String arn) {
        DescribeStateMachineResponse r;
        try {
            r = clients.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        } catch (StateMachineDoesNotExistException e) {
            return Optional.empty();
        }
        ObjectNode out = CanonicalJson.object();
        out.put("name", r.name());
        // Step Functions returns the definition as it was sent; compared as parsed JSON, keys sorted.
        out.set("definition", CanonicalJson.sorted(CanonicalJson.parse(r.definition())));
        out.put("roleArn", r.roleArn());
        out.put("type", r.typeAsString());
        // LoggingConfiguration: level defaults to OFF, includeExecutionData to false (Step
        // Functions API reference, LoggingConfiguration).
        var logging = r.loggingConfiguration();
        out.putObject("loggingConfiguration")
                .put("level", logging == null || logging.level() == null ? "OFF" : logging.levelAsString())
                .put("includeExecutionData", logging != null && Boolean.TRUE.equals(logging.includeExecutionData()));
        Map<String, String> tags = new StateMachineClient(clients.sfn).tags(r.stateMachineArn());
        out.set("tags", keyValue(tags, "key", "value"));
        return Optional.of(out);
    }

    /** Tags as the request carries them, sorted by key, without the spec-hash tag (it cannot hash itself). */
    static ArrayNode keyValue(Map<String, String> tags, String keyName, String valueName) {
        ArrayNode array = CanonicalJson.array();
        new TreeMap<>(tags).forEach((k, v) -> {
            if (!k.equals(OwnershipTags.SPEC_HASH)) {
                array.addObject().put(keyName, k).put(valueName, v);
            }
        });
        return array;
    }
}
