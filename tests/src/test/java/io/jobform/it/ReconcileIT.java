package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileIT {
    @TempDir
    Path work;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new Sandbox(work);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createsEveryExampleThenChangesNothing() {
        ReconcileResult first = sandbox.apply();
        assertThat(first.apply().orElseThrow().failures()).isEmpty();
        assertThat(first.plan().orElseThrow().counts().get(Change.Action.CREATE)).isGreaterThan(10);

        sandbox.resetCalls();
        ReconcileResult second = sandbox.apply();
        assertThat(second.plan().orElseThrow().hasChanges()).isFalse();
        System.out.println(sandbox.calls());
        assertThat(sandbox.mutatingCalls()).containsOnlyKeys("s3:PutObject", "s3:DeleteObject");
    }
}
