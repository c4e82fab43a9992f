package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.config.InstanceConfig;
import io.jobform.iam.AccessRequest;
import io.jobform.iam.Decision;
import io.jobform.iam.Need;
import io.jobform.iam.PolicyEvaluator;
import io.jobform.iam.RenderedNeeds;
import io.jobform.manifest.ManifestFile;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.render.RoleSpec;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every role can really do, after its permissions boundary and every explicit Deny, against
 * what it needs at run time: the roles rendered for the example manifests (under the template's
 * boundary) and the template's own roles. A missing permission names the role, the action and the
 * resource: in AWS it would have stopped a job or a reconcile.
 */
class EffectivePermissionsTest {

    static final String INSTANCE = "jobform";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Path MANIFESTS = Path.of("..", "manifests");

    final ResolvedTemplate resolvedTemplate = new ResolvedTemplate(INSTANCE, "manifests/");
    final Map<String, Object> template = resolvedTemplate.template;
    final TemplateResolver resolver = resolvedTemplate.resolver;

    JsonNode resolved(String resource, String... path) {
        return resolvedTemplate.resolved(resource, path);
    }

    String boundaryArn() {
        return resolver.resolve(Map.of("Ref", "TaskPermissionsBoundary")).asText();
    }

    RenderResult renderExamples() throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new ManifestFile("manifests/" + MANIFESTS.relativize(p), Files.readAllBytes(p)));
            }
        }
        ValidationReport report = new Validator().validate(files, INSTANCE, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(report.violations()).filteredOn(v -> v.isError()).isEmpty();
        InstanceConfig config = new InstanceConfig(INSTANCE, "aws", REGION, ACCOUNT, "jobs", Optional.empty(),
                Optional.of(boundaryArn()));
        RenderResult result = Renderer.render(report.jobs(), config);
        assertThat(result.violations()).isEmpty();
        return result;
    }

    @Test
    void renderedRolesCanDoWhatTheRunsNeedUnderTheBoundary() throws IOException {
        RenderResult result = renderExamples();
        JsonNode boundary = resolved("TaskPermissionsBoundary", "Properties", "PolicyDocument");
        Map<String, PolicyEvaluator> roles = new TreeMap<>();
        for (RoleSpec role : result.desired().ofType(RoleSpec.class)) {
            assertThat(role.permissionsBoundary()).contains(boundaryArn());
            List<JsonNode> policies = role.inlinePolicies().values().stream().map(d -> d.toJson()).toList();
            roles.put(role.roleName(), new PolicyEvaluator(policies, Optional.of(boundary)));
        }
        List<Need> needs = RenderedNeeds.of(result.desired(), INSTANCE, "aws");
        // Every kind of need the examples exercise is there: the check is not vacuous.
        Set<String> actions = new TreeSet<>();
        needs.forEach(n -> actions.add(n.request().action()));
        assertThat(actions).contains("ecr:BatchGetImage", "logs:CreateLogGroup", "logs:PutLogEvents",
                "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt", "ecs:RunTask", "ecs:TagResource",
                "iam:PassRole", "events:PutRule", "sns:Publish", "states:ListExecutions", "states:StopExecution",
                "states:StartExecution", "s3:PutObject");
        assertThat(missing(needs, roles)).isEmpty();
    }

    @Test
    void templateRolesCanDoWhatTheReconcilerAndTheResyncNeed() {
        String bucket = INSTANCE + "-manifests-" + ACCOUNT + "-" + REGION;
        Map<String, List<AccessRequest>> table = ReconcilerNeeds.of(INSTANCE, ACCOUNT, REGION, bucket, "manifests/",
                boundaryArn());
        Set<String> called = new TreeSet<>();
        ActionCoverageTest.adapterSources().forEach((file, source) -> {
            Set<String> a = AdapterActions.actions(source);
            a.removeAll(ActionCoverageTest.LOCAL_ONLY_CALLS.getOrDefault(Path.of(file).getFileName().toString(), Set.of()));
            called.addAll(a);
        });
        assertThat(table.keySet()).as("adapter calls without a modelled request").containsAll(called);

        List<Need> needs = new ArrayList<>();
        table.values().forEach(list -> list.forEach(r -> needs.add(new Need("ReconcilerRole", r, "io.jobform.aws"))));
        needs.add(new Need("ResyncInvokeRole", AccessRequest.of("lambda:InvokeFunction",
                resolver.resolve(Map.of("Ref", "ReconcilerAlias")).asText()), "the resync schedule"));
        Map<String, PolicyEvaluator> roles = Map.of(
                "ReconcilerRole", templateRole("ReconcilerRole"),
                "ResyncInvokeRole", templateRole("ResyncInvokeRole"));
        assertThat(missing(needs, roles)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    PolicyEvaluator templateRole(String name) {
        List<Object> policies = (List<Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) template.get("Resources")).get(name)).get("Properties")).get("Policies");
        List<JsonNode> documents = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            documents.add(resolved(name, "Properties", "Policies", String.valueOf(i), "PolicyDocument"));
        }
        return new PolicyEvaluator(documents, Optional.empty());
    }

    static List<String> missing(List<Need> needs, Map<String, PolicyEvaluator> roles) {
        List<String> out = new ArrayList<>();
        for (Need need : needs) {
            PolicyEvaluator role = roles.get(need.role());
            if (role == null) {
                out.add(need + ": no such role");
                continue;
            }
            Decision d = role.evaluate(need.request());
            if (!d.allowed()) {
                out.add("Role " + need.role() + " lacks " + need.request() + " for " + need.why() + ": " + d.reason());
            }
        }
        return out;
    }
}
