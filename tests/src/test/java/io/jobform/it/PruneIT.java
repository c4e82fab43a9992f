package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.OwnershipTags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.jobform.plan.Rename;
import org.junit.jupiter.api.Test;

/** Pruning, its guards, orphaning, frozen jobs, renames and duplicate names. */
class PruneIT extends AppliedExamples {
    private static final List<String> JOBS = List.of("backfill-orders", "db-maintenance", "fetch-exchange-rates",
            "invoice-sync", "nightly-report", "thumbnail-sweep");

    private List<String> stateMachines() {
        return sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream().map(s -> s.name()).sorted()
                .toList();
    }

    private List<String> progressOf(String job) {
        return sandbox.progress.stream().filter(l -> l.endsWith("jobform-" + job)).map(String::strip)
                .filter(l -> l.startsWith("deleted")).toList();
    }

    @Test
    void deletedManifestIsPrunedScheduleFirst() {
        sandbox.delete("thumbnail-sweep.yaml");
        ReconcileResult result = sandbox.apply();
        // The shared roles grant by tag, not by name: pruning a job leaves them as they are.
        assertThat(Sandbox.changes(result)).containsExactly("delete Schedule/jobform-thumbnail-sweep", "delete StateMachine/jobform-thumbnail-sweep",
                "delete TaskDefinition/jobform-thumbnail-sweep");
        assertThat(progressOf("thumbnail-sweep")).containsExactly("deleted  Schedule/jobform-thumbnail-sweep",
                "deleted  StateMachine/jobform-thumbnail-sweep", "deleted  TaskDefinition/jobform-thumbnail-sweep");
        assertThat(stateMachines()).doesNotContain("jobform-thumbnail-sweep").contains("jobform-nightly-report");
        assertThat(sandbox.store.get("_jobform/status/thumbnail-sweep.json")).isEmpty();
    }

    @Test
    void emptySetPrunesNothingUnlessAllowed() {
        JOBS.forEach(j -> sandbox.delete(j + ".yaml"));
        ReconcileResult guarded = sandbox.apply();
        // With no manifests no shared resource is desired either, so none is updated (or held back).
        assertThat(guarded.plan().orElseThrow().guards()).containsExactly(
                "guard: no valid manifests but 6 job(s) exist; nothing pruned (pass --allow-empty to jobform apply to prune them)");
        // The shared roles keep every grant of the held-back jobs (their last grants are retained).
        assertThat(Sandbox.changes(guarded)).isEmpty();
        assertThat(stateMachines()).hasSize(6);

        ReconcileResult allowed = sandbox.apply(ReconcileOptions.defaults().withAllowEmpty(true));
        assertThat(allowed.apply().orElseThrow().failures()).isEmpty();
        // backfill-orders asked not to be pruned: its machine stays, no longer owned.
        assertThat(stateMachines()).containsExactly("jobform-backfill-orders");
    }

    @Test
    void moreDeletionsThanTheLimitPruneNothing() {
        sandbox.delete("thumbnail-sweep.yaml");
        sandbox.delete("db-maintenance.yaml");
        ReconcileResult result = sandbox.apply(ReconcileOptions.defaults().withMaxDeletions(1));
        assertThat(result.plan().orElseThrow().guards()).containsExactly(
                "guard: 2 jobs would be pruned, more than the limit of 1; nothing pruned (raise --max-deletions or "
                        + "JOBFORM_MAX_DELETIONS to prune them)");
        assertThat(Sandbox.changes(result)).isEmpty();
        assertThat(stateMachines()).contains("jobform-thumbnail-sweep", "jobform-db-maintenance");
    }

    @Test
    void pruneFalseOrphansInsteadOfDeleting() {
        sandbox.delete("backfill-orders.yaml");
        ReconcileResult result = sandbox.apply();
        // The kept job still pulls its image with the shared execution role, which is unchanged.
        assertThat(Sandbox.changes(result)).containsExactly(
                "orphan StateMachine/jobform-backfill-orders", "orphan TaskDefinition/jobform-backfill-orders");
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-backfill-orders";
        Map<String, String> tags = sandbox.clients.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(tags).doesNotContainKey(OwnershipTags.INSTANCE).containsEntry("team", "data");
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    @Test
    void invalidManifestFreezesItsJobAndOthersProceed() {
        sandbox.edit("nightly-report.yaml", "memory: 1024", "memory: 1000");
        sandbox.edit("nightly-report.yaml", "finance-report:1.4.2", "finance-report:9.9.9");
        sandbox.edit("invoice-sync.yaml", "invoice-sync:0.9.3", "invoice-sync:0.9.4");
        ReconcileResult result = sandbox.apply();
        assertThat(result.hasInvalidManifests()).isTrue();
        // No shared role changes: they grant by tag, so the frozen job's new image needs no update.
        assertThat(Sandbox.changes(result)).containsExactly("update TaskDefinition/jobform-invoice-sync",
                "retire revisions TaskDefinition/jobform-invoice-sync");
        // The frozen job's last grants are rendered into the shared roles, which therefore need no hold.
        assertThat(result.plan().orElseThrow().guards()).isEmpty();
        assertThat(result.plan().orElseThrow().changes()).filteredOn(c -> c.action() == Change.Action.SKIP)
                .extracting(c -> c.id().toString())
                .contains("TaskDefinition/jobform-nightly-report", "Schedule/jobform-nightly-report");
        String status = new String(sandbox.store.get("_jobform/status/nightly-report.json").orElseThrow().body(),
                StandardCharsets.UTF_8);
        assertThat(status).contains("\"valid\" : false").contains("nightly-report.yaml:");
    }

    @Test
    void renameCreatesTheNewJobAndPrunesTheOld() {
        sandbox.edit("nightly-report.yaml", "name: nightly-report", "name: daily-report");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("create Role/jobform-daily-report",
                "create TaskDefinition/jobform-daily-report", "create StateMachine/jobform-daily-report",
                "create Schedule/jobform-daily-report", "delete Schedule/jobform-nightly-report",
                "delete StateMachine/jobform-nightly-report", "delete TaskDefinition/jobform-nightly-report",
                "delete Role/jobform-nightly-report");
        assertThat(stateMachines()).contains("jobform-daily-report").doesNotContain("jobform-nightly-report");
        assertThat(result.plan().orElseThrow().renames())
                .containsExactly(new Rename("nightly-report", "daily-report", Rename.Evidence.SAME_FILE));
    }

    /** Issue 18: a file moved and its job renamed, nothing else changed, is told by content; it applies the same. */
    @Test
    void aMovedAndRenamedJobIsToldByItsContent() throws Exception {
        String text = java.nio.file.Files.readString(sandbox.manifests.resolve("nightly-report.yaml"));
        sandbox.delete("nightly-report.yaml");
        sandbox.write("daily.yaml", text.replace("name: nightly-report", "name: daily-report"));
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(result.plan().orElseThrow().renames())
                .containsExactly(new Rename("nightly-report", "daily-report", Rename.Evidence.SAME_CONTENT));
        assertThat(Sandbox.changes(result)).contains("create StateMachine/jobform-daily-report",
                "delete StateMachine/jobform-nightly-report");
        assertThat(stateMachines()).contains("jobform-daily-report").doesNotContain("jobform-nightly-report");
    }

    @Test
    void aRenameWithOtherChangesIsAPlainCreateAndDelete() throws Exception {
        String text = java.nio.file.Files.readString(sandbox.manifests.resolve("nightly-report.yaml"));
        sandbox.delete("nightly-report.yaml");
        sandbox.write("daily-report.yaml", text.replace("name: nightly-report", "name: daily-report")
                .replace("1.4.2", "1.5.0"));
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(result.plan().orElseThrow().renames()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("create StateMachine/jobform-daily-report",
                "delete StateMachine/jobform-nightly-report");
    }

    @Test
    void twoManifestsWithOneNameAreBothInvalidAndTheJobIsFrozen() {
        sandbox.write("nightly-report-copy.yaml", "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\n"
                + "metadata:\n  name: nightly-report\nspec:\n  container:\n    image: busybox:1\n    cpu: 256\n"
                + "    memory: 512\n");
        ReconcileResult result = sandbox.apply();
        assertThat(result.hasInvalidManifests()).isTrue();
        assertThat(Sandbox.changes(result)).isEmpty();
        assertThat(result.validation().orElseThrow().violations()).extracting(v -> v.format())
                .anyMatch(m -> m.startsWith("nightly-report-copy.yaml:") && m.contains("also used at"))
                .anyMatch(m -> m.startsWith("nightly-report.yaml:") && m.contains("also used at"));
        assertThat(stateMachines()).contains("jobform-nightly-report");
    }
}
