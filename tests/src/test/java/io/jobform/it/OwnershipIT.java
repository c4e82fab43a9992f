package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;

/** A resource jobform does not own is never changed, whatever its name; instances stay apart. */
class OwnershipIT extends AppliedExamples {
    private static final String JOB = "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: %s\n"
            + "spec:\n  schedule:\n    cron: \"0 4 * * *\"\n  container:\n    image: busybox:1.36\n    cpu: 256\n"
            + "    memory: 512\n";
    private static final String PASS = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    @Test
    void foreignResourcesWithAMatchingNameStayUntouched() {
        sandbox.clients.ecs.registerTaskDefinition(b -> b.family("jobform-foreign-td").networkMode("awsvpc")
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:1").essential(true)));
        String roleArn = "arn:aws:iam::123456789012:role/jobform/jobform/jobform-states";
        sandbox.clients.sfn.createStateMachine(b -> b.name("jobform-foreign-sm").definition(PASS).roleArn(roleArn)
                .tags(t -> t.key("owner").value("someone-else")));
        sandbox.write("foreign-td.yaml", JOB.formatted("foreign-td"));
        sandbox.write("foreign-sm.yaml", JOB.formatted("foreign-sm"));

        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).extracting(f -> f.format()).containsExactlyInAnyOrder(
                "TaskDefinition/jobform-foreign-td: a resource with this name exists and is not owned by instance "
                        + "jobform; rename the job or remove the other resource",
                "StateMachine/jobform-foreign-sm: a resource with this name exists and is not owned by instance "
                        + "jobform; rename the job or remove the other resource");
        assertThat(sandbox.clients.ecs.listTaskDefinitions(b -> b.familyPrefix("jobform-foreign-td"))
                .taskDefinitionArns()).hasSize(1);
        String smArn = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-foreign-sm";
        assertThat(sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(smArn)).definition())
                .isEqualTo(PASS);
        assertThat(sandbox.clients.sfn.listTagsForResource(b -> b.resourceArn(smArn)).tags())
                .extracting(t -> t.key()).containsExactly("owner");
    }

    @Test
    void anotherInstanceNeverTouchesThisOne() throws Exception {
        Path otherDir = Files.createDirectories(work.resolve("other"));
        Files.writeString(otherDir.resolve("solo.yaml"), JOB.formatted("solo"));
        Reconciler other = sandbox.reconciler(Sandbox.config("other"), otherDir, sandbox.bucket("jobform-other"));

        ReconcileResult created = other.reconcile(ReconcileOptions.defaults().withAllowEmpty(true));
        assertThat(created.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();

        // Emptying the other instance prunes only its own job.
        Files.delete(otherDir.resolve("solo.yaml"));
        ReconcileResult emptied = other.reconcile(ReconcileOptions.defaults().withAllowEmpty(true));
        assertThat(Sandbox.changes(emptied)).allMatch(c -> c.contains("other-solo"));
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines()).extracting(s -> s.name())
                .contains("jobform-nightly-report").doesNotContain("other-solo");
    }
}
