package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.config.InstanceConfig;
import io.jobform.emulator.Emulator;
import io.jobform.manifest.ManifestFile;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.render.RoleSpec;
import io.jobform.render.StateMachineSpec;
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
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * The example manifests rendered and handed to the emulator through the real SDK: every state
 * machine definition passes ValidateStateMachineDefinition, every role and inline policy is
 * accepted by IAM.
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
                Optional.empty(), Optional.empty(), 30);
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
            }
        }
    }
}
