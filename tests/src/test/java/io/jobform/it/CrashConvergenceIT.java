package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.emulator.hooks.Fault;
import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reconcile that dies right after call k (every later call fails, no retries), followed by
 * a fresh reconcile, ends in the same AWS state as an uninterrupted one: nothing leaked,
 * nothing missing, one task definition revision per family.
 */
class CrashConvergenceIT extends InSandbox {
    private static final int STRIDE = 4;

    JsonNode before;

    @BeforeEach
    void start() {
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        before = sandbox.emulator.snapshot();
        // A change set with creates, updates (a new revision, a role), deletes and a new task role.
        sandbox.edit("nightly-report.yaml", "finance-report:1.4.2", "finance-report:1.5.0");
        sandbox.edit("invoice-sync.yaml", "dynamodb:PutItem", "dynamodb:UpdateItem");
        sandbox.delete("thumbnail-sweep.yaml");
        sandbox.write("archive-logs.yaml", "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n"
                + "  name: archive-logs\nspec:\n  schedule:\n    cron: \"0 1 * * *\"\n  container:\n"
                + "    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/archiver:1.0\n  permissions:\n"
                + "    - {effect: Allow, actions: [\"s3:PutObject\"], resources: [\"arn:aws:s3:::archive/*\"]}\n");
    }

    /** What the instance has in AWS, as comparable lines. */
    private List<String> footprint() {
        TreeSet<String> lines = new TreeSet<>();
        sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().forEach(s -> lines.add("sm " + s.name() + " "
                + sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(s.stateMachineArn())).definition()
                .hashCode()));
        for (String status : List.of("ACTIVE", "INACTIVE")) {
            sandbox.clients.ecs.listTaskDefinitions(b -> b.status(status)).taskDefinitionArns().forEach(arn ->
                    lines.add("td " + status + " " + arn.substring(0, arn.lastIndexOf(':')) + " " + sandbox.clients.ecs
                            .describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition().containerDefinitions()
                            .get(0).image()));
        }
        sandbox.clients.scheduler.listSchedules(b -> { }).schedules().forEach(s -> lines.add("schedule "
                + s.groupName() + "/" + s.name() + " " + s.stateAsString()));
        sandbox.clients.iam.listRoles(b -> b.pathPrefix("/jobform/")).roles().forEach(r -> lines.add("role "
                + r.roleName() + " " + sandbox.clients.iam.listRolePolicies(b -> b.roleName(r.roleName())).policyNames()));
        return new ArrayList<>(lines);
    }

    private ReconcileResult crashAfter(long k) throws Exception {
        sandbox.resetCalls();
        sandbox.emulator.hooks().callListener((index, service, operation) ->
                index > k ? Optional.of(Fault.INTERNAL_ERROR) : Optional.empty());
        AwsTarget noRetries = new AwsTarget(Optional.of(sandbox.emulator.region()),
                Optional.of(sandbox.emulator.endpoint()), 1);
        try (AwsClients fragile = new AwsClients(noRetries, new RateLimits(1000))) {
            Reconciler dying = new Reconciler(Sandbox.config("jobform"), new DirectoryManifestSource(sandbox.manifests),
                    new io.jobform.aws.ObjectStore(fragile.s3, Sandbox.BUCKET), fragile, Clock.systemUTC(), l -> { },
                    new PropagationRetry(1, java.time.Duration.ZERO, java.time.Duration.ZERO));
            return dying.reconcile(ReconcileOptions.defaults().withLeaseWait(java.time.Duration.ZERO));
        } catch (RuntimeException crashed) {
            return null; // the process died: nothing of its result survives
        } finally {
            sandbox.emulator.hooks().clearCallListener();
        }
    }

    @Test
    void convergesAfterACrashAtAnyCall() throws Exception {
        sandbox.resetCalls();
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        long calls = sandbox.emulator.hooks().totalCalls();
        assertThat(calls).as("calls of the uninterrupted apply").isGreaterThan(20);
        List<String> expected = footprint();
        assertThat(expected).noneMatch(l -> l.contains("thumbnail-sweep")).anyMatch(l -> l.contains("archive-logs"));

        for (long k = 1; k <= calls; k += STRIDE) {
            sandbox.emulator.restore(before);
            if (k == 1) {
                assertThat(sandbox.apply(ReconcileOptions.defaults().withDryRun(true)).plan().orElseThrow()
                        .hasChanges()).as("the restored state predates the change set").isTrue();
            }
            crashAfter(k);
            sandbox.store.delete(StateKeys.DEFAULT.lease()); // the dead holder's lease has expired by the next resync
            ReconcileResult rerun = sandbox.apply();
            assertThat(rerun.apply().orElseThrow().failures()).as("rerun after a crash at call %d", k).isEmpty();
            assertThat(Sandbox.changes(sandbox.apply())).as("third run after a crash at call %d", k).isEmpty();
            assertThat(footprint()).as("state after a crash at call %d", k).isEqualTo(expected);
        }
    }
}
