package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 1 and 2: a file that cannot be read far enough to tell what it is changes and
 * deletes nothing it might stand for. Each case starts from the applied examples.
 */
class UnreadableManifestIT extends AppliedExamples {

    private List<String> stateMachines() {
        return sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream().map(s -> s.name()).sorted()
                .toList();
    }

    private String definition(String job) {
        return sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-" + job)).definition();
    }

    private void writeBytes(String file, byte[] bytes) {
        try {
            Files.write(sandbox.manifests.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertDefaultsFreezeEveryJob(ReconcileResult result) {
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        // Without the freeze every task definition and state machine lost the defaults' labels,
        // env, notifications, retries, cluster and network here.
        assertThat(Sandbox.changes(result)).isEmpty();
        assertThat(result.validation().orElseThrow().violations()).extracting(v -> v.format())
                .anyMatch(m -> m.startsWith("nightly-report.yaml:") && m.contains("_defaults.yaml cannot be read"));
        assertThat(definition("nightly-report")).contains("jobform-failures");
    }

    @Test
    void malformedDefaultsFreezeEveryJob() {
        sandbox.edit("_defaults.yaml", "  cluster: batch", "  cluster: [batch");
        assertDefaultsFreezeEveryJob(sandbox.apply());
    }

    @Test
    void misspeltDefaultsKindFreezesEveryJob() {
        sandbox.edit("_defaults.yaml", "kind: JobDefaults", "kind: JobDefault");
        assertDefaultsFreezeEveryJob(sandbox.apply());
    }

    @Test
    void defaultsWithInvalidUtf8OrNulFreezeEveryJob() throws IOException {
        byte[] text = Files.readAllBytes(sandbox.manifests.resolve("_defaults.yaml"));
        byte[] broken = text.clone();
        broken[text.length / 2] = (byte) 0xC3; // a lead byte without its continuation
        broken[text.length / 2 + 1] = (byte) 0x28;
        writeBytes("_defaults.yaml", broken);
        assertDefaultsFreezeEveryJob(sandbox.apply());

        String nul = new String(text, StandardCharsets.UTF_8).replace("cluster: batch", "cluster: ba\u0000tch");
        writeBytes("_defaults.yaml", nul.getBytes(StandardCharsets.UTF_8));
        assertDefaultsFreezeEveryJob(sandbox.apply());
    }

    @Test
    void aJobsOwnUnreadableManifestFreezesOnlyThatJob() {
        sandbox.write("thumbnail-sweep.yaml", "kind: [ScheduledJob\n");
        sandbox.edit("invoice-sync.yaml", "invoice-sync:0.9.3", "invoice-sync:0.9.4");
        ReconcileResult result = sandbox.apply();
        assertThat(Sandbox.changes(result)).containsExactly("update TaskDefinition/jobform-invoice-sync",
                "retire revisions TaskDefinition/jobform-invoice-sync");
        // Broken twice in a row: the inventory still knows the key as the job's, not as a JobDefaults.
        sandbox.edit("invoice-sync.yaml", "invoice-sync:0.9.4", "invoice-sync:0.9.5");
        assertThat(Sandbox.changes(sandbox.apply())).contains("update TaskDefinition/jobform-invoice-sync");
        assertThat(stateMachines()).contains("jobform-thumbnail-sweep");
    }

    @Test
    void aMovedAndBrokenManifestPrunesNothing() throws IOException {
        String text = Files.readString(sandbox.manifests.resolve("thumbnail-sweep.yaml"));
        sandbox.delete("thumbnail-sweep.yaml");
        Files.createDirectories(sandbox.manifests.resolve("media"));
        sandbox.write("media/thumbnail-sweep.yaml", text.replace("metadata:", "metadata: [").replace("kind:", "kind: ["));
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).noneMatch(c -> c.startsWith("delete") || c.startsWith("orphan"));
        assertThat(result.plan().orElseThrow().guards()).anyMatch(g -> g.contains("media/thumbnail-sweep.yaml")
                && g.contains("nothing pruned"));
        String summary = new String(sandbox.store.get("_jobform/status/_summary.json").orElseThrow().body(),
                StandardCharsets.UTF_8);
        assertThat(summary).contains("media/thumbnail-sweep.yaml cannot be read");
        assertThat(stateMachines()).contains("jobform-thumbnail-sweep");

        // Fixed: the job is found again under its new key and nothing is lost.
        sandbox.write("media/thumbnail-sweep.yaml", text);
        ReconcileResult fixed = sandbox.apply();
        assertThat(fixed.apply().orElseThrow().failures()).isEmpty();
        assertThat(stateMachines()).contains("jobform-thumbnail-sweep");
    }
}
