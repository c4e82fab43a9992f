package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.Inventory;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.OwnershipTags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * Issue 15 items 3 and 4: a job kept with {@code jobform.io/prune: "false"} stays kept whatever
 * happens to the inventory, comes back under management when its manifest is restored, and its
 * schedule never displaces (or is displaced by) a foreign schedule in group {@code default}.
 */
class KeptJobIT extends AppliedExamples {
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-";

    private Map<String, String> machineTags(String job) {
        return sandbox.clients.sfn.listTagsForResource(b -> b.resourceArn(MACHINE + job)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private boolean schedule(String group, String name) {
        try {
            sandbox.clients.scheduler.getSchedule(b -> b.groupName(group).name(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** nightly-report (it has a schedule) asks to be kept. */
    private void keepNightlyReport() {
        sandbox.edit("nightly-report.yaml", "  name: nightly-report\n",
                "  name: nightly-report\n  annotations: {jobform.io/prune: \"false\"}\n");
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        assertThat(machineTags("nightly-report")).containsEntry(OwnershipTags.PRUNE, "false");
    }

    @Test
    void theKeepDecisionSurvivesAnInventoryWrittenOverByAnotherInstance() {
        // A valid inventory that knows nothing of this instance's jobs (another instance's, or an old one).
        sandbox.store.put(StateKeys.DEFAULT.inventory(), Inventory.empty().toJson());
        sandbox.delete("backfill-orders.yaml");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("orphan StateMachine/jobform-backfill-orders",
                "orphan TaskDefinition/jobform-backfill-orders").noneMatch(c -> c.startsWith("delete"));
        assertThat(machineTags("backfill-orders")).doesNotContainKey(OwnershipTags.INSTANCE)
                .containsEntry(OwnershipTags.KEPT_BY, "jobform");
    }

    @Test
    void aKeptJobsScheduleIsKeptWhenOnlyItsMachineRemembers() {
        keepNightlyReport();
        sandbox.store.put(StateKeys.DEFAULT.inventory(), Inventory.empty().toJson());
        sandbox.delete("nightly-report.yaml");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("orphan Schedule/jobform-nightly-report")
                .noneMatch(c -> c.startsWith("delete"));
        assertThat(schedule("default", "jobform-nightly-report")).isTrue();
    }

    @Test
    void restoringAKeptJobsManifestAdoptsItsResources() {
        keepNightlyReport();
        String text = new String(readManifest(), StandardCharsets.UTF_8);
        sandbox.delete("nightly-report.yaml");
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        assertThat(schedule("default", "jobform-nightly-report")).isTrue();
        assertThat(schedule("jobform", "jobform-nightly-report")).isFalse();

        sandbox.write("nightly-report.yaml", text);
        ReconcileResult restored = sandbox.apply();
        // Without adoption: "a resource with this name exists and is not owned by instance jobform".
        assertThat(restored.apply().orElseThrow().failures()).isEmpty();
        assertThat(machineTags("nightly-report")).containsEntry(OwnershipTags.INSTANCE, "jobform");
        assertThat(schedule("jobform", "jobform-nightly-report")).isTrue();
        assertThat(schedule("default", "jobform-nightly-report")).as("the kept copy would run the job twice")
                .isFalse();
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    private byte[] readManifest() {
        try {
            return java.nio.file.Files.readAllBytes(sandbox.manifests.resolve("nightly-report.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aForeignScheduleInDefaultIsNeverTakenForTheCopy() {
        keepNightlyReport();
        var original = sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"));
        String foreignTarget = "arn:aws:states:us-east-1:123456789012:stateMachine:team-b-report";
        sandbox.clients.scheduler.createSchedule(b -> b.groupName("default").name("jobform-nightly-report")
                .scheduleExpression("rate(1 hour)").flexibleTimeWindow(w -> w.mode("OFF"))
                .target(t -> t.arn(foreignTarget).roleArn(original.target().roleArn())));
        sandbox.delete("nightly-report.yaml");
        ReconcileResult result = sandbox.apply();
        List<String> failures = result.apply().orElseThrow().failures().stream().map(f -> f.format()).toList();
        assertThat(failures).containsExactly("Schedule/jobform-nightly-report: a schedule named jobform-nightly-report "
                + "exists in group default and is not this job's copy; the schedule stays in group jobform (rename "
                + "or remove the other schedule)");
        assertThat(schedule("jobform", "jobform-nightly-report")).as("the original keeps running").isTrue();
        assertThat(sandbox.clients.scheduler.getSchedule(b -> b.groupName("default").name("jobform-nightly-report"))
                .target().arn()).isEqualTo(foreignTarget);
    }
}
