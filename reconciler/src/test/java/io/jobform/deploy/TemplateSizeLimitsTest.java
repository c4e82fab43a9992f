package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template's policies against IAM's size quotas ("IAM and AWS STS quotas", IAM User Guide:
 * managed policy 6,144 characters, a role's inline policies together 10,240, role trust policy
 * 2,048 by default; white space not counted), for the longest instance name the template allows.
 */
class TemplateSizeLimitsTest {

    final ResolvedTemplate resolvedTemplate = new ResolvedTemplate("abcdefghij-klmnopqrs", "team-manifests/production/");
    final Map<String, Object> template = resolvedTemplate.template;
    final TemplateResolver resolver = resolvedTemplate.resolver;

    JsonNode resolved(String resource, String... path) {
        return resolvedTemplate.resolved(resource, path);
    }

    static int size(JsonNode document) {
        return (int) document.toString().chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    @Test
    void boundaryFitsTheManagedPolicyQuota() {
        assertThat(size(resolved("TaskPermissionsBoundary", "Properties", "PolicyDocument"))).isLessThanOrEqualTo(6_144);
    }

    @Test
    void templateRolesFitTheInlineAndTrustPolicyQuotas() {
        for (String role : List.of("ReconcilerRole", "ResyncInvokeRole")) {
            JsonNode policies = resolved(role, "Properties", "Policies");
            int inline = 0;
            for (JsonNode p : policies) {
                inline += size(p.path("PolicyDocument"));
            }
            assertThat(inline).as(role + " inline policies").isPositive().isLessThanOrEqualTo(10_240);
            assertThat(size(resolved(role, "Properties", "AssumeRolePolicyDocument"))).as(role + " trust policy")
                    .isLessThanOrEqualTo(2_048);
        }
    }
}
