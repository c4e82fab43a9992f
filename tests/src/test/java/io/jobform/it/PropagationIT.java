package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.PropagationRetry;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New roles take a while to become usable: the reconcile waits for them instead of failing. */
class PropagationIT {
    @TempDir
    Path work;

    @Test
    void newRolesArePickedUpOnceTheyHavePropagated() throws Exception {
        try (Sandbox sandbox = new Sandbox(work,
                EmulatorOptions.defaults().withIamPropagationDelay(Duration.ofSeconds(6)))) {
            Reconciler reconciler = new Reconciler(Sandbox.config("jobform"),
                    new DirectoryManifestSource(sandbox.manifests), sandbox.store, sandbox.clients, Clock.systemUTC(),
                    line -> { }, new PropagationRetry(10, Duration.ofMillis(250), Duration.ofSeconds(2)));
            ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
            assertThat(result.apply().orElseThrow().failures()).isEmpty();
            // Six state machines and five schedules were created; some attempts were turned away first.
            long attempts = sandbox.calls().get("states:CreateStateMachine") + sandbox.calls().get("scheduler:CreateSchedule");
            assertThat(attempts).isGreaterThan(6L + 5L);
            assertThat(Sandbox.changes(reconciler.reconcile(ReconcileOptions.defaults()))).isEmpty();
        }
    }
}
