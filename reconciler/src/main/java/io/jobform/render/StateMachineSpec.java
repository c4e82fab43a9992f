package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.Map;
import java.util.Optional;

/**
 * CreateStateMachine for one job. The definition refers to the task definition by family only
 * ({@code "TaskDefinition": "<instance>-<job>"}), which RunTask resolves to the latest ACTIVE
 * revision: registering a new revision needs no state machine update.
 *
 * @param definition the ASL as canonical JSON (sorted keys, no whitespace)
 * @param type       always {@code STANDARD}
 * @param loggingLevel {@code OFF}: execution history of Standard workflows is kept by Step Functions
 *                     itself; see docs/resources.md for why no CloudWatch Logs delivery is configured
 */
public record StateMachineSpec(
        String name,
        String arn,
        String definition,
        String roleArn,
        String type,
        String loggingLevel,
        String jobName,
        Map<String, String> baseTags) implements ResourceSpec {

    public StateMachineSpec {
        baseTags = Map.copyOf(baseTags);
    }

    @Override
    public ResourceId id() {
        return new ResourceId(ResourceKind.STATE_MACHINE, name);
    }

    @Override
    public Optional<String> job() {
        return Optional.of(jobName);
    }

    public JsonNode definitionJson() {
        return CanonicalJson.parse(definition);
    }

    /** {@code definition} appears parsed here for readability; the adapter sends the string. */
    @Override
    public JsonNode body(Map<String, String> tags) {
        ObjectNode out = CanonicalJson.object();
        out.put("name", name);
        out.set("definition", definitionJson());
        out.put("roleArn", roleArn);
        out.put("type", type);
        out.putObject("loggingConfiguration").put("level", loggingLevel).put("includeExecutionData", false);
        out.set("tags", Tags.keyValue(tags, "key", "value"));
        return out;
    }
}
