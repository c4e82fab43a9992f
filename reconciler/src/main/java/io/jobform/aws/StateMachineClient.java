package io.jobform.aws;

import io.jobform.render.StateMachineSpec;
import io.jobform.resource.OwnershipTags;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;

/**
 * Step Functions state machines. CreateStateMachine is idempotent on name + definition + type +
 * logging and silently ignores a different role or tags (Step Functions API reference,
 * CreateStateMachine), so an existing machine is changed with UpdateStateMachine (definition,
 * role, logging) and TagResource (tags, the spec hash last: it marks the update complete).
 */
public final class StateMachineClient {
    private final SfnClient sfn;

    public StateMachineClient(SfnClient sfn) {
        this.sfn = sfn;
    }

    public enum Created { CREATED, EXISTS }

    public Created create(StateMachineSpec spec) {
        try {
            sfn.createStateMachine(b -> b.name(spec.name())
                    .definition(spec.definition())
                    .roleArn(spec.roleArn())
                    .type(StateMachineType.fromValue(spec.type()))
                    .loggingConfiguration(l -> l.level(LogLevel.fromValue(spec.loggingLevel())).includeExecutionData(false))
                    .tags(tags(spec.tags())));
            return Created.CREATED;
        } catch (StateMachineAlreadyExistsException e) {
            return Created.EXISTS;
        }
    }

    public void update(StateMachineSpec spec) {
        sfn.updateStateMachine(b -> b.stateMachineArn(spec.arn())
                .definition(spec.definition())
                .roleArn(spec.roleArn())
                .loggingConfiguration(l -> l.level(LogLevel.fromValue(spec.loggingLevel())).includeExecutionData(false)));
        sfn.tagResource(b -> b.resourceArn(spec.arn()).tags(tags(spec.tags())));
    }

    public Map<String, String> tags(String arn) {
        Map<String, String> tags = new TreeMap<>();
        sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    public void delete(String arn) {
        try {
            sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        } catch (StateMachineDoesNotExistException e) {
            // already gone
        }
    }

    public void disown(String arn) {
        sfn.untagResource(b -> b.resourceArn(arn).tagKeys(OwnershipTags.INSTANCE, OwnershipTags.JOB,
                OwnershipTags.MANIFEST, OwnershipTags.SPEC_HASH));
    }

    private static java.util.List<Tag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    /**
     * The role of every state machine whose name starts with {@code namePrefix}, by ARN. Only
     * {@code jobform destroy} calls it, to find kept machines that still run with the instance's roles.
     */
    public Map<String, String> rolesByArn(String namePrefix) {
        Map<String, String> roles = new TreeMap<>();
        sfn.listStateMachinesPaginator(b -> { }).stateMachines().stream()
                .filter(m -> m.name().startsWith(namePrefix))
                .forEach(m -> {
                    try {
                        roles.put(m.stateMachineArn(), sfn.describeStateMachine(b -> b.stateMachineArn(m.stateMachineArn())).roleArn());
                    } catch (StateMachineDoesNotExistException e) {
                        // deleted meanwhile
                    }
                });
        return roles;
    }
}
