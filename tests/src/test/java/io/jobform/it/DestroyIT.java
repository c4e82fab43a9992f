package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Plan;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Teardown;
import io.jobform.source.DirectoryManifestSource;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jobform destroy against the emulator: its guards delete nothing, and once they are satisfied it
 * removes everything the instance owns, shared roles and schedule group included, and a
 * reconcile of the empty manifest set afterwards creates nothing again.
 */
class DestroyIT extends AppliedExamples {
    private static final List<String> JOBS = List.of("backfill-orders", "db-maintenance", "fetch-exchange-rates",
            "invoice-sync", "nightly-report", "thumbnail-sweep");

    private Teardown teardown() {
        return new Teardown(Sandbox.config("jobform"), new DirectoryManifestSource(sandbox.manifests), sandbox.store,
                sandbox.clients, Clock.systemUTC(), sandbox.progress::add);
    }

    private List<String> roles() {
        return sandbox.clients.iam.listRoles(b -> b.pathPrefix("/jobform/jobform/")).roles().stream()
                .map(r -> r.roleName()).sorted().toList();
    }

    private List<String> stateMachines() {
        return sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream().map(s -> s.name()).sorted()
                .toList();
    }

    private List<String> groups() {
        return sandbox.clients.scheduler.listScheduleGroups(b -> { }).scheduleGroups().stream().map(g -> g.name())
                .sorted().toList();
    }

    @Test
    void refusesWhileManifestsRemain() throws Exception {
        Plan plan = teardown().plan();
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.guards()).anySatisfy(g -> assertThat(g).contains("7 manifest(s) remain under"))
                .anySatisfy(g -> assertThat(g).contains("StateMachine/jobform-backfill-orders asks not to be pruned"));
        Teardown.Result result = teardown().run();
        assertThat(result.deleted()).isEmpty();
        assertThat(stateMachines()).hasSize(6);
        assertThat(roles()).contains("jobform-execution", "jobform-states", "jobform-scheduler");
    }

    @Test
    void refusesWhileAKeptJobUsesTheRolesThenRemovesEverything() throws Exception {
        JOBS.forEach(j -> sandbox.delete(j + ".yaml"));
        sandbox.delete("_defaults.yaml");
        ReconcileResult pruned = sandbox.apply(ReconcileOptions.defaults().withAllowEmpty(true));
        assertThat(pruned.apply().orElseThrow().failures()).isEmpty();
        // backfill-orders asked to be kept: its state machine stays and still runs with jobform-states.
        assertThat(stateMachines()).containsExactly("jobform-backfill-orders");
        assertThat(roles()).contains("jobform-execution", "jobform-states", "jobform-scheduler");
        assertThat(groups()).contains("jobform");

        Plan refused = teardown().plan();
        assertThat(refused.hasChanges()).isFalse();
        assertThat(refused.guards()).singleElement().asString()
                .contains("kept StateMachine/jobform-backfill-orders still use(s) this instance's roles");

        String kept = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-backfill-orders";
        sandbox.clients.sfn.deleteStateMachine(b -> b.stateMachineArn(kept));
        Plan plan = teardown().plan();
        assertThat(plan.guards()).isEmpty();
        assertThat(plan.mutating().stream().map(c -> c.action().word() + " " + c.id()).toList()).containsExactly("delete Role/jobform-execution", "delete Role/jobform-scheduler",
                        "delete Role/jobform-states", "delete ScheduleGroup/jobform");

        Teardown.Result result = teardown().run();
        assertThat(result.failures()).isEmpty();
        assertThat(result.deleted()).hasSize(4);
        assertThat(roles()).isEmpty();
        assertThat(groups()).doesNotContain("jobform");
        // The kept job's retained grants go too: nothing of the instance uses them any more.
        assertThat(io.jobform.reconcile.Inventory.fromJson(sandbox.store.get(io.jobform.config.StateKeys.DEFAULT.inventory())
                .orElseThrow().body()).grants()).isEmpty();

        // The resync of an empty manifest set brings nothing back.
        ReconcileResult after = sandbox.apply(ReconcileOptions.defaults().withAllowEmpty(true));
        assertThat(Sandbox.changes(after)).isEmpty();
        assertThat(roles()).isEmpty();
        assertThat(teardown().plan().changes()).isEmpty();
    }
}
