package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** ECS task definitions through the real SDK client. */
class EcsIT extends ComputeEndpointTestBase {
    private static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/jobform/it/exec";

    static RegisterTaskDefinitionRequest fargate(String family) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("512").memory("1024")
                .executionRoleArn(EXEC_ROLE)
                .ephemeralStorage(e -> e.sizeInGiB(30))
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily(OSFamily.LINUX))
                .containerDefinitions(ContainerDefinition.builder()
                        .name("main").image("public.ecr.aws/docker/library/busybox:latest").essential(true)
                        .command("echo", "hi")
                        .environment(KeyValuePair.builder().name("A").value("1").build())
                        .secrets(Secret.builder().name("S").valueFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:s").build())
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of("awslogs-group", "/jobform/it")))
                        .build())
                .tags(Tag.builder().key("jobform.io/job").value(family).build())
                .build();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("family with space", r -> r.family("bad family"), ClientException.class),
                bad("bridge on fargate", r -> r.networkMode(NetworkMode.BRIDGE), ClientException.class),
                bad("no cpu on fargate", r -> r.cpu(null), ClientException.class),
                bad("no memory on fargate", r -> r.memory(null), ClientException.class),
                bad("invalid cpu/memory pair", r -> r.cpu("256").memory("4096"), ClientException.class),
                bad("ephemeral storage 20", r -> r.ephemeralStorage(e -> e.sizeInGiB(20)), ClientException.class),
                bad("ephemeral storage 201", r -> r.ephemeralStorage(e -> e.sizeInGiB(201)), ClientException.class),
                bad("no containers", r -> r.containerDefinitions(List.of()), ClientException.class),
                bad("container without image", r -> r.containerDefinitions(ContainerDefinition.builder().name("m").build()),
                        ClientException.class),
                bad("container without name", r -> r.containerDefinitions(ContainerDefinition.builder().image("i").build()),
                        ClientException.class),
                bad("awslogs without execution role", r -> r.executionRoleArn(null).containerDefinitions(
                        ContainerDefinition.builder().name("m").image("i")
                                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)).build()), ClientException.class),
                bad("secrets without execution role", r -> r.executionRoleArn(null).containerDefinitions(
                        ContainerDefinition.builder().name("m").image("i")
                                .secrets(Secret.builder().name("S").valueFrom("arn:x").build()).build()), ClientException.class),
                bad("aws: tag", r -> r.tags(Tag.builder().key("aws:owner").value("x").build()), InvalidParameterException.class),
                bad("51 tags", r -> r.tags(tags(51)), InvalidParameterException.class));
    }

    private static List<Tag> tags(int n) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add(Tag.builder().key("k" + i).value("v").build());
        }
        return tags;
    }

    private static Arguments bad(String name, UnaryOperator<RegisterTaskDefinitionRequest.Builder> change,
            Class<? extends EcsException> type) {
        return Arguments.of(name, change, type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidTaskDefinitions(String name, UnaryOperator<RegisterTaskDefinitionRequest.Builder> change,
            Class<? extends EcsException> type) {
        try (EcsClient ecs = ecs()) {
            RegisterTaskDefinitionRequest request = change.apply(fargate(unique("bad")).toBuilder()).build();
            assertThatThrownBy(() -> ecs.registerTaskDefinition(request))
                    .isInstanceOf(type)
                    .satisfies(e -> assertThat(((EcsException) e).statusCode()).isEqualTo(400));
        }
    }

    @Test
    void registerDescribeDeregisterDeleteRoundTrip() {
        try (EcsClient ecs = ecs()) {
            String family = unique("it-td");
            var first = ecs.registerTaskDefinition(fargate(family)).taskDefinition();
            var second = ecs.registerTaskDefinition(fargate(family).toBuilder().cpu("1 vCPU").memory("2 GB").build())
                    .taskDefinition();
            assertThat(first.revision()).isEqualTo(1);
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.cpu()).isEqualTo("1024");
            assertThat(second.taskDefinitionArn()).endsWith(":task-definition/" + family + ":2");
            assertThat(second.registeredAt()).isNotNull();

            var latest = ecs.describeTaskDefinition(r -> r.taskDefinition(family).include(TaskDefinitionField.TAGS));
            assertThat(latest.taskDefinition().revision()).isEqualTo(2);
            assertThat(latest.taskDefinition().containerDefinitions().get(0).secrets()).hasSize(1);
            assertThat(latest.taskDefinition().ephemeralStorage().sizeInGiB()).isEqualTo(30);
            assertThat(latest.taskDefinition().runtimePlatform().cpuArchitecture()).isEqualTo(CPUArchitecture.ARM64);
            assertThat(latest.tags()).containsExactly(Tag.builder().key("jobform.io/job").value(family).build());
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(first.taskDefinitionArn())).tags()).isEmpty();

            var inactive = ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1")).taskDefinition();
            assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
            var deleted = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(family + ":1", family + ":2"));
            assertThat(deleted.taskDefinitions()).extracting(t -> t.status())
                    .containsExactly(TaskDefinitionStatus.DELETE_IN_PROGRESS);
            assertThat(deleted.failures()).extracting(f -> f.arn()).containsExactly(second.taskDefinitionArn());

            var third = ecs.registerTaskDefinition(fargate(family)).taskDefinition();
            assertThat(third.revision()).isEqualTo(3);
            assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition(unique("missing"))))
                    .isInstanceOf(ClientException.class);
        }
    }

    @Test
    void listsFamiliesAndRevisionsAcrossPages() {
        try (EcsClient ecs = ecs()) {
            String prefix = unique("it-list");
            for (int i = 0; i < 3; i++) {
                ecs.registerTaskDefinition(fargate(prefix + "-" + i));
            }
            ecs.registerTaskDefinition(fargate(prefix + "-0"));
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(prefix + "-2:1"));

            List<String> families = new ArrayList<>();
            ecs.listTaskDefinitionFamiliesPaginator(r -> r.familyPrefix(prefix).maxResults(1))
                    .forEach(p -> families.addAll(p.families()));
            assertThat(families).containsExactly(prefix + "-0", prefix + "-1");
            assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.INACTIVE))
                    .families()).containsExactly(prefix + "-2");
            assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.ALL))
                    .families()).hasSize(3);

            var desc = ecs.listTaskDefinitions(r -> r.familyPrefix(prefix + "-0").sort(SortOrder.DESC));
            assertThat(desc.taskDefinitionArns()).hasSize(2);
            assertThat(desc.taskDefinitionArns().get(0)).endsWith(prefix + "-0:2");
            List<String> pages = new ArrayList<>();
            ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(prefix + "-0").maxResults(1))
                    .forEach(p -> pages.addAll(p.taskDefinitionArns()));
            assertThat(pages).hasSize(2);
            assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix + "-2").status(TaskDefinitionStatus.INACTIVE))
                    .taskDefinitionArns()).hasSize(1);
        }
    }

    @Test
    void tagsTaskDefinitions() {
        try (EcsClient ecs = ecs()) {
            String arn = ecs.registerTaskDefinition(fargate(unique("it-tags"))).taskDefinition().taskDefinitionArn();
            ecs.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("finance").build()));
            ecs.untagResource(r -> r.resourceArn(arn).tagKeys("jobform.io/job"));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("finance").build());
            assertThatThrownBy(() -> ecs.tagResource(r -> r.resourceArn(arn).tags(tags(50))))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> ecs.listTagsForResource(r -> r.resourceArn(arn.replaceAll(":\\d+$", ":99"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
