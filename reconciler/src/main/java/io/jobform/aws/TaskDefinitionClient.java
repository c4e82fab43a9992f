package io.jobform.aws;

import io.jobform.render.ContainerDefinitionSpec;
import io.jobform.render.TaskDefinitionSpec;
import io.jobform.resource.OwnershipTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * ECS task definitions: one family per job, a new revision per change. Revisions are retired
 * by DeregisterTaskDefinition then DeleteTaskDefinitions (at most 10 ARNs per call, ECS API
 * reference), which only accepts INACTIVE revisions.
 */
public final class TaskDefinitionClient {
    private static final int DELETE_BATCH = 10;

    private final EcsClient ecs;

    public TaskDefinitionClient(EcsClient ecs) {
        this.ecs = ecs;
    }

    public String register(TaskDefinitionSpec spec) {
        return ecs.registerTaskDefinition(request(spec)).taskDefinition().taskDefinitionArn();
    }

    /**
     * The task definition families that have an ACTIVE revision and whose name starts with
     * {@code prefix}, 100 per call (ListTaskDefinitionFamilies: familyPrefix matches the start of
     * the name, status ACTIVE keeps families with an ACTIVE revision, maxResults 1..100; Amazon
     * ECS API reference).
     */
    public List<String> families(String prefix) {
        List<String> found = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTaskDefinitionFamiliesResponse page = ecs.listTaskDefinitionFamilies(b -> b.familyPrefix(prefix)
                    .status(TaskDefinitionFamilyStatus.ACTIVE).maxResults(100).nextToken(next));
            found.addAll(page.families());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return found;
    }

    /**
     * The family's ACTIVE revisions, oldest first. ListTaskDefinitions' familyPrefix is the full
     * family name (Amazon ECS API reference, ListTaskDefinitions), so this is one family. A
     * revision registered before a crash kept jobform from recording it is found here.
     */
    public List<String> activeRevisions(String family) {
        List<String> active = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTaskDefinitionsResponse page = ecs.listTaskDefinitions(b -> b.familyPrefix(family)
                    .status(TaskDefinitionStatus.ACTIVE).sort(SortOrder.ASC).maxResults(100).nextToken(next));
            active.addAll(page.taskDefinitionArns());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        active.sort(java.util.Comparator.comparingInt(TaskDefinitionClient::revision));
        return active;
    }

    static int revision(String arn) {
        return Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1));
    }

    /** The family's latest ACTIVE revision with its tags, when the family exists. */
    public Optional<Map.Entry<String, Map<String, String>>> latest(String family) {
        try {
            DescribeTaskDefinitionResponse r = ecs.describeTaskDefinition(b -> b.taskDefinition(family)
                    .include(TaskDefinitionField.TAGS));
            Map<String, String> tags = new TreeMap<>();
            r.tags().forEach(t -> tags.put(t.key(), t.value()));
            return Optional.of(Map.entry(r.taskDefinition().taskDefinitionArn(), tags));
        } catch (ClientException e) {
            return Optional.empty(); // ECS answers an unknown family with a ClientException
        }
    }

    /** Deregisters (when still active) and deletes the revisions; already-gone ones are skipped. */
    public void retire(List<String> revisionArns) {
        for (String arn : revisionArns) {
            try {
                ecs.deregisterTaskDefinition(b -> b.taskDefinition(arn));
            } catch (ClientException e) {
                // already INACTIVE or gone: deleting below still converges
            }
        }
        for (int i = 0; i < revisionArns.size(); i += DELETE_BATCH) {
            List<String> batch = revisionArns.subList(i, Math.min(revisionArns.size(), i + DELETE_BATCH));
            try {
                ecs.deleteTaskDefinitions(b -> b.taskDefinitions(batch));
            } catch (ClientException e) {
                // revisions already deleted are reported per ARN or as a client error; nothing left to do
            }
        }
    }

    /** Removes jobform's ownership tags from every revision: the family stays, unmanaged. */
    public void disown(List<String> revisionArns, String instance) {
        for (String arn : revisionArns) {
            ecs.tagResource(b -> b.resourceArn(arn).tags(software.amazon.awssdk.services.ecs.model.Tag.builder()
                    .key(OwnershipTags.KEPT_BY).value(instance).build()));
            ecs.untagResource(b -> b.resourceArn(arn).tagKeys(OwnershipTags.INSTANCE, OwnershipTags.JOB,
                    OwnershipTags.MANIFEST, OwnershipTags.SPEC_HASH, OwnershipTags.PRUNE));
        }
    }

    static RegisterTaskDefinitionRequest request(TaskDefinitionSpec spec) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder()
                .family(spec.family())
                .executionRoleArn(spec.executionRoleArn())
                .networkMode(spec.networkMode())
                .requiresCompatibilities(spec.requiresCompatibilities().stream().map(Compatibility::fromValue).toList())
                .cpu(spec.cpu())
                .memory(spec.memory())
                .runtimePlatform(p -> p.cpuArchitecture(spec.cpuArchitecture())
                        .operatingSystemFamily(spec.operatingSystemFamily()))
                .containerDefinitions(spec.containerDefinitions().stream().map(TaskDefinitionClient::container).toList())
                .tags(spec.tags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
        spec.taskRoleArn().ifPresent(b::taskRoleArn);
        spec.ephemeralStorageGiB().ifPresent(size -> b.ephemeralStorage(e -> e.sizeInGiB(size)));
        return b.build();
    }

    private static ContainerDefinition container(ContainerDefinitionSpec c) {
        List<KeyValuePair> env = new ArrayList<>();
        new TreeMap<>(c.environment()).forEach((k, v) -> env.add(KeyValuePair.builder().name(k).value(v).build()));
        List<Secret> secrets = new ArrayList<>();
        new TreeMap<>(c.secrets()).forEach((k, v) -> secrets.add(Secret.builder().name(k).valueFrom(v).build()));
        ContainerDefinition.Builder b = ContainerDefinition.builder()
                .name(c.name())
                .image(c.image())
                .essential(true)
                .environment(env)
                .secrets(secrets)
                .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(c.logOptions()).build());
        if (!c.command().isEmpty()) {
            b.command(c.command());
        }
        if (!c.entryPoint().isEmpty()) {
            b.entryPoint(c.entryPoint());
        }
        return b.build();
    }
}
