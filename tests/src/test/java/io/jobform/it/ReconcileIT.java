package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileResult;
import org.junit.jupiter.api.Test;

class ReconcileIT extends InSandbox {

    @Test
    void createsEveryExampleThenChangesNothing() {
        ReconcileResult first = sandbox.apply();
        assertThat(first.apply().orElseThrow().failures()).isEmpty();
        assertThat(first.plan().orElseThrow().counts().get(Change.Action.CREATE)).isEqualTo(24);
        String status = new String(sandbox.store.get("_jobform/status/nightly-report.json").orElseThrow().body());
        assertThat(status).contains("\"synced\" : true", "\"valid\" : true", "\"nextRuns\"",
                "https://us-east-1.console.aws.amazon.com/states/home", "\"manifest\" : \"nightly-report.yaml\"");

        sandbox.resetCalls();
        ReconcileResult second = sandbox.apply();
        assertThat(second.plan().orElseThrow().hasChanges()).isFalse();
        // Lease put and release, the inventory, the schedule group, then one page of each
        // service's own listing: state machines, task definition families, schedules, roles.
        assertThat(sandbox.calls()).isEqualTo(java.util.Map.of("s3:PutObject", 1L, "s3:DeleteObject", 1L,
                "s3:GetObject", 1L, "scheduler:GetScheduleGroup", 1L, "states:ListStateMachines", 1L,
                "ecs:ListTaskDefinitionFamilies", 1L, "scheduler:ListSchedules", 1L, "iam:ListRoles", 1L));
    }
}
