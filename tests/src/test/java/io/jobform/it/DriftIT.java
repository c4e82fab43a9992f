package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/** Changes made by hand in the console are repaired: schedules always, everything with --deep. */
class DriftIT extends AppliedExamples {
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-nightly-report";
    private static final String PASS = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    @Test
    void aScheduleDisabledByHandIsRepairedByTheNextReconcile() {
        var current = sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"));
        sandbox.clients.scheduler.updateSchedule(b -> b.groupName("jobform").name("jobform-nightly-report")
                .scheduleExpression(current.scheduleExpression()).flexibleTimeWindow(current.flexibleTimeWindow())
                .target(current.target()).state(ScheduleState.DISABLED));
        ReconcileResult result = sandbox.apply();
        assertThat(Sandbox.changes(result)).containsExactly("update Schedule/jobform-nightly-report");
        assertThat(sandbox.clients.scheduler.getSchedule(b -> b.groupName("jobform").name("jobform-nightly-report"))
                .state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    @Test
    void deepReappliesAStateMachineEditedByHand() {
        String rendered = sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(SM)).definition();
        sandbox.clients.sfn.updateStateMachine(b -> b.stateMachineArn(SM).definition(PASS));
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty(); // tags still carry the old hash: invisible

        ReconcileResult deep = sandbox.apply(ReconcileOptions.defaults().withDeep(true));
        assertThat(deep.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(deep)).contains("update StateMachine/jobform-nightly-report");
        assertThat(sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(SM)).definition())
                .isEqualTo(rendered);
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }
}
