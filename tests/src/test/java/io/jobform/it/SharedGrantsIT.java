package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 3 and 10: the shared roles keep granting what a job that still runs needs (its
 * image repository, secrets, topic), whether it is kept after its manifest was deleted or frozen
 * by an invalid one, and a new job still gets its grants meanwhile.
 */
class SharedGrantsIT extends AppliedExamples {

    private String executionPolicy() {
        String doc = sandbox.clients.iam.getRolePolicy(b -> b.roleName("jobform-execution").policyName("pull-and-log"))
                .policyDocument();
        return URLDecoder.decode(doc, StandardCharsets.UTF_8);
    }

    @Test
    void aKeptJobKeepsItsImagePull() {
        assertThat(executionPolicy()).contains("repository/orders-etl");
        sandbox.delete("backfill-orders.yaml"); // jobform.io/prune: "false"
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("orphan StateMachine/jobform-backfill-orders");
        // Before: the execution role was narrowed here and the kept job could no longer pull its image.
        assertThat(executionPolicy()).contains("repository/orders-etl");
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(executionPolicy()).contains("repository/orders-etl");
    }

    @Test
    void aDeletedJobsGrantsGoWithIt() {
        sandbox.delete("thumbnail-sweep.yaml");
        ReconcileResult result = sandbox.apply();
        assertThat(Sandbox.changes(result)).contains("update Role/jobform-execution",
                "delete StateMachine/jobform-thumbnail-sweep");
        assertThat(executionPolicy()).doesNotContain("repository/thumbnailer");
    }

    @Test
    void whileAJobIsFrozenANewJobGetsItsGrantsAndTheFrozenOneKeepsHis() {
        sandbox.edit("nightly-report.yaml", "memory: 1024", "memory: 1000");
        sandbox.write("newcomer.yaml", "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n"
                + "  name: newcomer\nspec:\n  container:\n"
                + "    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/newcomer:1.0\n");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        // Before: the shared roles were held back, and the new job could not pull its image.
        assertThat(Sandbox.changes(result)).contains("update Role/jobform-execution",
                "create StateMachine/jobform-newcomer");
        assertThat(executionPolicy()).contains("repository/newcomer").contains("repository/finance-report");
    }
}
