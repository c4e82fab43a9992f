package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.config.InstanceConfig;
import io.jobform.emulator.Emulator;
import io.jobform.manifest.ManifestFile;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.render.ContainerDefinitionSpec;
import io.jobform.render.RoleSpec;
import io.jobform.render.ScheduleGroupSpec;
import io.jobform.render.ScheduleSpec;
import io.jobform.render.StateMachineSpec;
import io.jobform.render.TaskDefinitionSpec;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * The example manifests rendered and handed to the emulator through the real SDK: every state
 * machine definition passes ValidateStateMachineDefinition, and every resource is created as
 * rendered, in dependency order: schedule group, roles with their inline policies, task
 * definitions, state machines, schedules. The SDK mapping here is the plain field-by-field one
 * the AWS adapter is expected to do.
 */
class RenderedResourcesIT {

    static final Path MANIFESTS = Path.of(System.getProperty("jobform.root", "..")).resolve("manifests");

    private static RenderResult renderExamples(Emulator emulator) throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new ManifestFile("manifests/" + MANIFESTS.relativize(p), Files.readAllBytes(p)));
            }
        }
        ValidationReport report = new Validator().validate(files, "jobform", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(report.valid()).as(report.violations().toString()).isTrue();
        InstanceConfig config = new InstanceConfig("jobform", "aws", emulator.region(), emulator.accountId(), "default",
                Optional.empty(), Optional.empty());
        RenderResult result = Renderer.render(report.jobs(), config);
        assertThat(result.violations()).isEmpty();
        return result;
    }

    @Test
    void renderedResourcesAreAcceptedByTheServices() throws IOException {
        try (Emulator emulator = Emulator.start();
             var http = UrlConnectionHttpClient.create()) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR", "secret"));
            RenderResult result = renderExamples(emulator);
            try (SfnClient sfn = SfnClient.builder().endpointOverride(emulator.endpoint()).httpClient(http)
                         .region(Region.of(emulator.region())).credentialsProvider(credentials).build();
                 IamClient iam = IamClient.builder().endpointOverride(emulator.endpoint()).httpClient(http)
                         .region(Region.AWS_GLOBAL).credentialsProvider(credentials).build()) {
                List<StateMachineSpec> machines = result.desired().ofType(StateMachineSpec.class);
                assertThat(machines).isNotEmpty();
                for (StateMachineSpec m : machines) {
                    var validated = sfn.validateStateMachineDefinition(r -> r.definition(m.definition()).type(m.type()));
                    assertThat(validated.result()).as(m.id() + ": " + validated.diagnostics())
                            .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
                }
                for (RoleSpec role : result.desired().ofType(RoleSpec.class)) {
                    iam.createRole(r -> r.roleName(role.roleName()).path(role.path())
                            .assumeRolePolicyDocument(role.assumeRolePolicyDocument().toJsonString())
                            .description(role.description())
                            .tags(role.tags().entrySet().stream()
                                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
                    role.inlinePolicies().forEach((name, doc) -> iam.putRolePolicy(r -> r.roleName(role.roleName())
                            .policyName(name).policyDocument(doc.toJsonString())));
                    assertThat(iam.getRole(r -> r.roleName(role.roleName())).role().arn()).isEqualTo(role.arn());
                }
                try (EcsClient ecs = EcsClient.builder().endpointOverride(emulator.endpoint()).httpClient(http)
                             .region(Region.of(emulator.region())).credentialsProvider(credentials).build();
                     SchedulerClient scheduler = SchedulerClient.builder().endpointOverride(emulator.endpoint())
                             .httpClient(http).region(Region.of(emulator.region())).credentialsProvider(credentials).build()) {
                    for (TaskDefinitionSpec td : result.desired().ofType(TaskDefinitionSpec.class)) {
                        var registered = ecs.registerTaskDefinition(r -> {
                            r.family(td.family()).executionRoleArn(td.executionRoleArn()).networkMode(td.networkMode())
                                    .requiresCompatibilitiesWithStrings(td.requiresCompatibilities())
                                    .cpu(td.cpu()).memory(td.memory())
                                    .runtimePlatform(p -> p.cpuArchitecture(td.cpuArchitecture())
                                            .operatingSystemFamily(td.operatingSystemFamily()))
                                    .containerDefinitions(td.containerDefinitions().stream()
                                            .map(RenderedResourcesIT::container).toList())
                                    .tags(td.tags().entrySet().stream().map(t -> software.amazon.awssdk.services.ecs.model.Tag
                                            .builder().key(t.getKey()).value(t.getValue()).build()).toList());
                            td.taskRoleArn().ifPresent(r::taskRoleArn);
                            td.ephemeralStorageGiB().ifPresent(size -> r.ephemeralStorage(e -> e.sizeInGiB(size)));
                        });
                        assertThat(registered.taskDefinition().revision()).isEqualTo(1);
                    }
                    for (StateMachineSpec m : machines) {
                        var created = sfn.createStateMachine(r -> r.name(m.name()).definition(m.definition())
                                .roleArn(m.roleArn()).type(m.type())
                                .loggingConfiguration(l -> l.level(m.loggingLevel()).includeExecutionData(false))
                                .tags(m.tags().entrySet().stream().map(t -> software.amazon.awssdk.services.sfn.model.Tag
                                        .builder().key(t.getKey()).value(t.getValue()).build()).toList()));
                        assertThat(created.stateMachineArn()).isEqualTo(m.arn());
                    }
                    for (ScheduleGroupSpec g : result.desired().ofType(ScheduleGroupSpec.class)) {
                        scheduler.createScheduleGroup(r -> r.name(g.name()).tags(g.tags().entrySet().stream()
                                .map(t -> software.amazon.awssdk.services.scheduler.model.Tag.builder()
                                        .key(t.getKey()).value(t.getValue()).build()).toList()));
                    }
                    List<ScheduleSpec> schedules = result.desired().ofType(ScheduleSpec.class);
                    assertThat(schedules).isNotEmpty();
                    for (ScheduleSpec s : schedules) {
                        scheduler.createSchedule(r -> {
                            r.name(s.name()).groupName(s.groupName()).scheduleExpression(s.scheduleExpression())
                                    .scheduleExpressionTimezone(s.scheduleExpressionTimezone())
                                    .flexibleTimeWindow(f -> f.mode(s.flexibleTimeWindowMode())
                                            .maximumWindowInMinutes(s.maximumWindowInMinutes().orElse(null)))
                                    .state(s.state()).actionAfterCompletion("NONE").description(s.description())
                                    .target(t -> t.arn(s.targetArn()).roleArn(s.targetRoleArn()).input(s.targetInput())
                                            .retryPolicy(p -> p.maximumEventAgeInSeconds(s.maximumEventAgeInSeconds())
                                                    .maximumRetryAttempts(s.maximumRetryAttempts())));
                            s.startDate().ifPresent(r::startDate);
                            s.endDate().ifPresent(r::endDate);
                        });
                        var observed = scheduler.getSchedule(r -> r.name(s.name()).groupName(s.groupName()));
                        assertThat(observed.description()).isEqualTo("jobform spec-hash=" + s.specHash());
                        assertThat(observed.target().input()).isEqualTo(s.targetInput());
                    }
                }
            }
        }
    }

    private static ContainerDefinition container(ContainerDefinitionSpec c) {
        return ContainerDefinition.builder().name(c.name()).image(c.image()).essential(true)
                .command(c.command().isEmpty() ? null : c.command())
                .entryPoint(c.entryPoint().isEmpty() ? null : c.entryPoint())
                .environment(new java.util.TreeMap<>(c.environment()).entrySet().stream()
                        .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .secrets(new java.util.TreeMap<>(c.secrets()).entrySet().stream()
                        .map(e -> Secret.builder().name(e.getKey()).valueFrom(e.getValue()).build()).toList())
                .logConfiguration(l -> l.logDriver("awslogs").options(c.logOptions()))
                .build();
    }
}
