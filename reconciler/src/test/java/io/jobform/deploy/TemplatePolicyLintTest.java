package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.render.lint.IamPolicyLint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The template's policies, evaluated for sample parameters, pass the lint every rendered role
 * passes ({@link IamPolicyLint}), with two documented differences: the reconciler may use
 * {@code Resource: "*"} for actions that support no resource-level permissions
 * ({@link IamStatements#NO_RESOURCE_LEVEL}), and a permissions boundary, which grants nothing,
 * may name whole services.
 */
class TemplatePolicyLintTest {

    static final Pattern STAR_FINDING = Pattern.compile(": resource '\\*' for \\[(.*)]$");

    final ResolvedTemplate resolvedTemplate = new ResolvedTemplate("jobform", "manifests/");
    final Map<String, Object> template = resolvedTemplate.template;
    final TemplateResolver resolver = resolvedTemplate.resolver;

    JsonNode resolved(String resource, String... path) {
        return resolvedTemplate.resolved(resource, path);
    }

    static List<String> acceptStarForNoResourceLevelActions(List<String> findings) {
        List<String> kept = new ArrayList<>();
        for (String finding : findings) {
            Matcher star = STAR_FINDING.matcher(finding);
            boolean documented = star.find() && List.of(star.group(1).split(", ")).stream()
                    .allMatch(a -> IamStatements.NO_RESOURCE_LEVEL.contains(a) || IamPolicyLint.STAR_RESOURCE_ACTIONS.contains(a));
            if (!documented) {
                kept.add(finding);
            }
        }
        return kept;
    }

    @Test
    void reconcilerPolicyPassesTheRenderedRoleLint() {
        JsonNode policy = resolved("ReconcilerRole", "Properties", "Policies", "0", "PolicyDocument");
        assertThat(policy.toString()).contains("arn:aws:iam::123456789012:role/jobform/jobform/*")
                .contains("arn:aws:iam::123456789012:policy/jobform/jobform/jobform-boundary");
        List<String> findings = IamPolicyLint.lintPermissions("ReconcilerRole", policy);
        assertThat(acceptStarForNoResourceLevelActions(findings)).isEmpty();
        assertThat(findings).as("the * statements are still seen by the lint").isNotEmpty();
    }

    @Test
    void resyncInvokeRolePassesTheLintIncludingItsTrust() {
        assertThat(IamPolicyLint.lintPermissions("ResyncInvokeRole",
                resolved("ResyncInvokeRole", "Properties", "Policies", "0", "PolicyDocument"))).isEmpty();
        assertThat(IamPolicyLint.lintTrust("ResyncInvokeRole",
                resolved("ResyncInvokeRole", "Properties", "AssumeRolePolicyDocument"))).isEmpty();
    }

    @Test
    void reconcilerTrustDiffersOnlyByTheSourceAccountCondition() {
        // Lambda assumes an execution role for the account's own function; the role is given to
        // it with iam:PassRole. No source-account key is documented for that assumption.
        assertThat(IamPolicyLint.lintTrust("ReconcilerRole", resolved("ReconcilerRole", "Properties", "AssumeRolePolicyDocument")))
                .singleElement().asString().contains("aws:SourceAccount");
    }

    @Test
    void boundaryOnlyNamesWholeServicesAndPassesRolesToEcsTasksOnly() {
        JsonNode boundary = resolved("TaskPermissionsBoundary", "Properties", "PolicyDocument");
        List<String> findings = IamPolicyLint.lintPermissions("TaskPermissionsBoundary", boundary);
        assertThat(findings).allSatisfy(f -> assertThat(f).containsAnyOf("wildcard action", "resource '*'"));
        assertThat(boundary.toString()).contains("\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"");
    }
}
