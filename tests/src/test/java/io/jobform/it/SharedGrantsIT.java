package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 3 and 10: the shared roles keep granting what a job that still runs needs,
 * whether it is kept after its manifest was deleted or frozen by an invalid one, and a new job
 * still gets its grants meanwhile. The shared roles grant referenced resources by the
 * {@code jobform.io/instance} tag, so what a job adds to them is the account and region of its
 * image, secrets, parameters and topic, and whether it lists or stops executions. invoice-sync is
 * the only example job in us-east-1 and the only one with {@code concurrencyPolicy: Replace}.
 */
class SharedGrantsIT extends AppliedExamples {
    private static final String US_EAST_REPOSITORIES = "arn:aws:ecr:us-east-1:123456789012:repository/*";
    private static final String US_EAST_SECRETS = "arn:aws:secretsmanager:us-east-1:123456789012:secret:*";
    private static final String US_EAST_TOPICS = "arn:aws:sns:us-east-1:123456789012:*";

    private String policy(String role, String name) {
        String doc = sandbox.clients.iam.getRolePolicy(b -> b.roleName(role).policyName(name)).policyDocument();
        return URLDecoder.decode(doc, StandardCharsets.UTF_8);
    }

    private String executionPolicy() {
        return policy("jobform-execution", "pull-and-log");
    }

    private String statesPolicy() {
        return policy("jobform-states", "run-jobs");
    }

    @Test
    void aKeptJobKeepsItsGrants() {
        sandbox.edit("invoice-sync.yaml", "  name: invoice-sync\n",
                "  name: invoice-sync\n  annotations: {jobform.io/prune: \"false\"}\n");
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        assertThat(executionPolicy()).contains(US_EAST_REPOSITORIES, US_EAST_SECRETS);
        assertThat(statesPolicy()).contains("StopReplacedExecutions", US_EAST_TOPICS);

        sandbox.delete("invoice-sync.yaml");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("orphan StateMachine/jobform-invoice-sync")
                .doesNotContain("update Role/jobform-execution", "update Role/jobform-states");
        // Before: the shared roles were narrowed here and the kept job could no longer pull its
        // image, read its secrets, publish its failure or stop the execution it replaces.
        assertThat(executionPolicy()).contains(US_EAST_REPOSITORIES, US_EAST_SECRETS);
        assertThat(statesPolicy()).contains("StopReplacedExecutions", US_EAST_TOPICS);
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(executionPolicy()).contains(US_EAST_REPOSITORIES);
    }

    @Test
    void aDeletedJobsGrantsGoWithIt() {
        sandbox.delete("invoice-sync.yaml");
        ReconcileResult result = sandbox.apply();
        assertThat(Sandbox.changes(result)).contains("update Role/jobform-execution", "update Role/jobform-states",
                "delete StateMachine/jobform-invoice-sync");
        assertThat(executionPolicy()).doesNotContain(US_EAST_REPOSITORIES, US_EAST_SECRETS);
        assertThat(statesPolicy()).doesNotContain("StopReplacedExecutions", US_EAST_TOPICS);
    }

    @Test
    void whileAJobIsFrozenANewJobGetsItsGrantsAndTheFrozenOneKeepsHis() {
        sandbox.edit("invoice-sync.yaml", "memory: 2048", "memory: 2000");
        sandbox.write("newcomer.yaml", "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n"
                + "  name: newcomer\nspec:\n  container:\n"
                + "    image: 123456789012.dkr.ecr.ap-southeast-2.amazonaws.com/newcomer:1.0\n");
        ReconcileResult result = sandbox.apply();
        assertThat(result.hasInvalidManifests()).isTrue();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        // Before: the shared roles were held back, and the new job could not pull its image.
        assertThat(Sandbox.changes(result)).contains("update Role/jobform-execution",
                "create StateMachine/jobform-newcomer");
        assertThat(executionPolicy()).contains("arn:aws:ecr:ap-southeast-2:123456789012:repository/*")
                .contains(US_EAST_REPOSITORIES, US_EAST_SECRETS);
        assertThat(statesPolicy()).contains("StopReplacedExecutions", US_EAST_TOPICS);
    }
}
