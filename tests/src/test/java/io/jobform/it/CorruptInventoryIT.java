package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.reconcile.ReconcileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 8: a hand-edited or truncated inventory (null hash, wrong types, not JSON) is one
 * warning; the reconcile goes on, and prunes nothing while the inventory cannot vouch for it.
 */
class CorruptInventoryIT extends AppliedExamples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectNode inventory() throws IOException {
        return (ObjectNode) JSON.readTree(sandbox.store.get(StateKeys.DEFAULT.inventory()).orElseThrow().body());
    }

    private ReconcileResult applyAfterDeletingAJob() {
        sandbox.delete("thumbnail-sweep.yaml");
        sandbox.progress.clear();
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).noneMatch(c -> c.startsWith("delete"));
        assertThat(result.plan().orElseThrow().guards()).anyMatch(g -> g.contains(StateKeys.DEFAULT.inventory())
                && g.endsWith("nothing pruned (an apply writes it whole again; the reconcile after it prunes)"));
        assertThat(sandbox.progress).filteredOn(l -> l.startsWith("warning: ")).hasSize(1);
        return result;
    }

    @Test
    void nullHashAndWrongTypesAreOneWarningAndPruneNothing() throws IOException {
        ObjectNode inventory = inventory();
        ObjectNode resources = (ObjectNode) inventory.get("resources");
        ((ObjectNode) resources.get("Role/jobform-execution")).putNull("specHash");
        ((ObjectNode) resources.get("Schedule/jobform-nightly-report")).put("prunable", "yes");
        ((ObjectNode) inventory.get("manifests").get("invoice-sync.yaml")).put("valid", 3);
        sandbox.store.put(StateKeys.DEFAULT.inventory(), JSON.writeValueAsBytes(inventory));

        applyAfterDeletingAJob();
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines())
                .anyMatch(m -> m.name().equals("jobform-thumbnail-sweep"));

        // The inventory written back is whole again: the next reconcile prunes as usual.
        ReconcileResult next = sandbox.apply();
        assertThat(next.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(next)).contains("delete StateMachine/jobform-thumbnail-sweep");
    }

    @Test
    void truncatedInventoryIsOneWarning() {
        byte[] whole = sandbox.store.get(StateKeys.DEFAULT.inventory()).orElseThrow().body();
        sandbox.store.put(StateKeys.DEFAULT.inventory(), new String(whole, StandardCharsets.UTF_8).substring(0, whole.length / 2)
                .getBytes(StandardCharsets.UTF_8));
        applyAfterDeletingAJob();
    }
}
