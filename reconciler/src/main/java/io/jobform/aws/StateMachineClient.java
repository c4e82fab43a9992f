package io.jobform.aws;

import io.jobform.render.StateMachineSpec;
import io.jobform.resource.OwnershipTags;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
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
        // Tags the spec no longer has (a removed label) go first: the tag with the hash comes
        // last, so a crash before it leaves the update to be repeated.
        java.util.List<String> stale = StaleTags.of(tags(spec.arn()), spec.tags());
        if (!stale.isEmpty()) {
            sfn.untagResource(b -> b.resourceArn(spec.arn()).tagKeys(stale));
        }
        sfn.tagResource(b -> b.resourceArn(spec.arn()).tags(tags(spec.tags())));
    }

    /**
     * Every state machine of the account and Region whose name starts with {@code prefix}, 1,000
     * per call (ListStateMachines maxResults 0..1000, Step Functions API reference), as name to
     * ARN. The API reference calls this listing eventually consistent too ("best effort"), but it
     * is the service's own: a machine it misses for a moment is created again idempotently
     * (CreateStateMachine returns the existing one), one it still lists after a delete is
     * confirmed gone by the read of its tags.
     */
    public Map<String, String> list(String prefix) {
        Map<String, String> found = new TreeMap<>();
        String token = null;
        do {
            String next = token;
            ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(1000).nextToken(next));
            page.stateMachines().stream().filter(m -> m.name().startsWith(prefix))
                    .forEach(m -> found.put(m.name(), m.stateMachineArn()));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return found;
    }

    /** The machine's tags; empty when it is gone. */
    public Map<String, String> tags(String arn) {
        return tagsIfExists(arn).orElse(Map.of());
    }

    /** The machine's tags, or empty when it is gone (deleted since it was listed). */
    public java.util.Optional<Map<String, String>> tagsIfExists(String arn) {
        Map<String, String> tags = new TreeMap<>();
        try {
            sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        } catch (ResourceNotFoundException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(tags);
    }

    public void delete(String arn) {
        try {
            sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        } catch (StateMachineDoesNotExistException e) {
            // already gone
        }
    }

    /** Marks the machine as kept by the instance first, then removes the ownership tags. */
    public void disown(String arn, String instance) {
        sfn.tagResource(b -> b.resourceArn(arn).tags(tags(Map.of(OwnershipTags.KEPT_BY, instance))));
        sfn.untagResource(b -> b.resourceArn(arn).tagKeys(OwnershipTags.INSTANCE, OwnershipTags.JOB,
                OwnershipTags.MANIFEST, OwnershipTags.SPEC_HASH, OwnershipTags.PRUNE));
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
