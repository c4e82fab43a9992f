package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.ObjectSummary;
import io.jobform.config.StateKeys;
import io.jobform.reconcile.Inventory;
import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.Reconciler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two instances keeping their state in one bucket: neither overwrites the other's inventory,
 * status objects or lease. The other instance is named {@code jobform-x}, whose resource names
 * start with the default instance's prefix, the closest two instances can be.
 */
class SharedBucketIT extends AppliedExamples {
    private static final String JOB = "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: solo\n"
            + "spec:\n  schedule:\n    cron: \"0 4 * * *\"\n  container:\n    image: busybox:1.36\n";
    private static final StateKeys OTHER = StateKeys.of("jobform-x");

    private Reconciler other() throws Exception {
        Path dir = Files.createDirectories(work.resolve("other"));
        Files.writeString(dir.resolve("solo.yaml"), JOB);
        return sandbox.reconciler(Sandbox.config("jobform-x"), dir, sandbox.store);
    }

    @Test
    void eachInstanceKeepsItsOwnInventoryAndStatusObjects() throws Exception {
        List<String> ours = statusKeys(StateKeys.DEFAULT);
        assertThat(ours).contains("_jobform/status/nightly-report.json", "_jobform/status/_summary.json");

        Reconciler other = other();
        assertThat(other.reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();

        assertThat(statusKeys(OTHER)).containsExactly("_jobform/instances/jobform-x/status/_summary.json",
                "_jobform/instances/jobform-x/status/solo.json");
        assertThat(statusKeys(StateKeys.DEFAULT)).as("the default instance's status objects are not pruned by the other")
                .isEqualTo(ours);
        assertThat(inventory(StateKeys.DEFAULT).resources().keySet()).noneMatch(id -> id.contains("jobform-x"))
                .contains("StateMachine/jobform-nightly-report");
        assertThat(inventory(OTHER).resources().keySet()).contains("StateMachine/jobform-x-solo")
                .noneMatch(id -> id.contains("nightly-report"));

        // Both converge with nothing to do. The first time, each reads the tags of the other's
        // resources that its listing prefix matches and remembers them as foreign; after that no
        // tag is read again. An inventory overwritten by the other instance would cost one read
        // per listed resource on every reconcile.
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(Sandbox.changes(other.reconcile(ReconcileOptions.defaults()))).isEmpty();
        sandbox.resetCalls();
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(Sandbox.changes(other.reconcile(ReconcileOptions.defaults()))).isEmpty();
        assertThat(sandbox.calls()).doesNotContainKeys("states:ListTagsForResource", "ecs:DescribeTaskDefinition",
                "iam:ListRoleTags");
        assertThat(statusKeys(StateKeys.DEFAULT)).isEqualTo(ours);
    }

    @Test
    void eachInstanceHoldsItsOwnLease() throws Exception {
        Lease ours = Lease.acquire(sandbox.store, StateKeys.DEFAULT.lease(), Clock.systemUTC(), "ours",
                Duration.ofMinutes(1), Duration.ZERO, Duration.ofMillis(10)).lease().orElseThrow();
        try {
            // The other instance reconciles while this one holds its lease.
            assertThat(other().reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();
            assertThat(sandbox.store.get("_jobform/instances/jobform-x/lease.json")).as("released after its reconcile")
                    .isEmpty();
            assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).as("ours untouched").isPresent();
        } finally {
            ours.release();
        }
    }

    @Test
    void aGeneratedNameTakenByTheOtherInstanceIsNamedInTheFailure() throws Exception {
        assertThat(other().reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();
        // Job x-solo of instance jobform generates the names of job solo of instance jobform-x.
        sandbox.write("x-solo.yaml", JOB.replace("name: solo", "name: x-solo"));
        String taken = "the name is taken by jobform instance jobform-x (its job solo); the names of instances "
                + "jobform and jobform-x extend each other, so their generated names can collide; rename this job "
                + "(or the instance)";
        // The task definition comes first; the state machine and schedule that need it are not attempted.
        assertThat(sandbox.apply().apply().orElseThrow().failures()).extracting(f -> f.format())
                .containsExactly("TaskDefinition/jobform-x-solo: " + taken);
        // The other instance's job is untouched: its own reconcile finds nothing to do.
        assertThat(Sandbox.changes(other().reconcile(ReconcileOptions.defaults()))).isEmpty();
    }

    @Test
    void anInventoryAnEarlierVersionWroteForThisInstanceIsTakenOverAndNoOtherOne() throws Exception {
        // The other instance alone in a bucket of its own, as an earlier version left it: its
        // inventory at _jobform/inventory.json.
        var bucket = sandbox.bucket("jobform-x-state");
        Path dir = Files.createDirectories(work.resolve("x-alone"));
        Files.writeString(dir.resolve("solo.yaml"), JOB);
        Reconciler alone = sandbox.reconciler(Sandbox.config("jobform-x"), dir, bucket);
        assertThat(alone.reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();
        byte[] written = bucket.get(OTHER.inventory()).orElseThrow().body();
        bucket.put(StateKeys.DEFAULT.inventory(), written);
        bucket.delete(OTHER.inventory());

        sandbox.resetCalls();
        assertThat(Sandbox.changes(alone.reconcile(ReconcileOptions.defaults()))).isEmpty();
        assertThat(sandbox.progress).anyMatch(l -> l.startsWith("taking over _jobform/inventory.json"));
        // Taken over, not rebuilt: no listed resource's tags were read.
        assertThat(sandbox.calls()).doesNotContainKeys("states:ListTagsForResource", "ecs:DescribeTaskDefinition",
                "iam:ListRoleTags");
        assertThat(bucket.get(OTHER.inventory())).isPresent();

        // The default instance's inventory (in the shared bucket) names resources that are not
        // jobform-x's: the other instance starts afresh there instead (first test).
        assertThat(inventory(StateKeys.DEFAULT).resources().keySet()).contains("ScheduleGroup/jobform");
    }

    private List<String> statusKeys(StateKeys keys) {
        return sandbox.store.list(keys.statusPrefix()).stream().map(ObjectSummary::key)
                .filter(k -> k.substring(keys.statusPrefix().length()).indexOf('/') < 0).sorted().toList();
    }

    private Inventory inventory(StateKeys keys) {
        return Inventory.fromJson(sandbox.store.get(keys.inventory()).orElseThrow().body());
    }
}
