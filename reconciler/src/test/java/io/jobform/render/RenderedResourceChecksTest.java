package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.lint.AslChecker;
import io.jobform.render.lint.IamPolicyLint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ASL checker and the IAM linter over everything the fixtures render. */
class RenderedResourceChecksTest {

    private final RenderResult result = RendererGoldenTest.renderAll();

    @Test
    void everyStateMachinePassesTheAslChecks() {
        List<StateMachineSpec> machines = result.desired().ofType(StateMachineSpec.class);
        assertThat(machines).hasSize(JobBuilder.fixtures().size());
        for (StateMachineSpec m : machines) {
            assertThat(AslChecker.check(m.definitionJson())).as(m.id().toString()).isEmpty();
        }
    }

    @Test
    void everyRolePassesTheIamLint() {
        List<RoleSpec> roles = result.desired().ofType(RoleSpec.class);
        // three shared roles plus the one task role (only nightly-report declares permissions)
        assertThat(roles).extracting(r -> r.roleName()).containsExactly(
                "jobform-execution", "jobform-nightly-report", "jobform-scheduler", "jobform-states");
        List<String> findings = new ArrayList<>();
        for (RoleSpec role : roles) {
            String where = role.id().toString();
            findings.addAll(IamPolicyLint.lintTrust(where, role.assumeRolePolicyDocument().toJson()));
            role.inlinePolicies().forEach((name, doc) ->
                    findings.addAll(IamPolicyLint.lintPermissions(where + "/" + name, doc.toJson())));
            findings.addAll(IamPolicyLint.lintBoundary(where, role.permissionsBoundary(),
                    JobBuilder.config().permissionsBoundaryArn()));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void everyRoleArnCarriesTheInstancePath() {
        for (RoleSpec role : result.desired().ofType(RoleSpec.class)) {
            assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/jobform/jobform/" + role.roleName());
            assertThat(role.path()).isEqualTo("/jobform/jobform/");
        }
    }

    @Test
    void everyTaggableResourceCarriesOwnershipAndItsOwnHash() {
        for (ResourceSpec r : result.desired().resources()) {
            if (r instanceof ScheduleSpec s) {
                assertThat(s.request().path("Description").asText()).isEqualTo("jobform spec-hash=" + s.specHash());
                assertThat(s.specHash()).matches("[0-9a-f]{16}");
                continue;
            }
            assertThat(r.tags()).containsEntry("jobform.io/instance", "jobform")
                    .containsEntry("jobform.io/spec-hash", r.specHash());
            r.job().ifPresent(job -> assertThat(r.tags()).containsEntry("jobform.io/job", job)
                    .containsEntry("jobform.io/manifest", "manifests/" + job + ".yaml"));
        }
    }
}
