package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.AwsClients;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code apply --deep --dry-run} after console edits, the same against our emulator and moto:
 * nothing is planned while AWS matches the manifests; each edit plans exactly the edited
 * resource with the fields it changed; {@code apply --deep} repairs it and plans nothing after.
 */
final class DeepDriftScenario {
    private static final ReconcileOptions DEEP_DRY_RUN = ReconcileOptions.defaults().withDeep(true).withDryRun(true);
    private static final ReconcileOptions DEEP = ReconcileOptions.defaults().withDeep(true);

    private final Function<ReconcileOptions, ReconcileResult> apply;
    private final AwsClients aws;

    DeepDriftScenario(Function<ReconcileOptions, ReconcileResult> apply, AwsClients aws) {
        this.apply = apply;
        this.aws = aws;
    }

    void run() {
        assertThat(ConsoleEdits.deepPlan(apply.apply(DEEP_DRY_RUN))).as("untouched").isEmpty();
        String policy = "update Role/" + ConsoleEdits.JOB;

        ConsoleEdits.disableSchedule(aws);
        expect("update Schedule/" + ConsoleEdits.JOB, "State");
        ConsoleEdits.editScheduleExpression(aws, "cron(0 7 * * ? *)");
        expect("update Schedule/" + ConsoleEdits.JOB, "ScheduleExpression");
        ConsoleEdits.editDefinition(aws, "\"TimeoutSeconds\":5400", "\"TimeoutSeconds\":60");
        expect("update StateMachine/" + ConsoleEdits.JOB, "definition.States.Run.Branches");
        ConsoleEdits.registerRevisionWithImage(aws, "public.ecr.aws/docker/library/busybox:latest");
        expect(Map.of("update TaskDefinition/" + ConsoleEdits.JOB, "containerDefinitions[0].image",
                "retire revisions TaskDefinition/" + ConsoleEdits.JOB, ""));
        ConsoleEdits.editRolePolicy(aws, "finance-reports/daily/*", "finance-reports/*");
        expect(policy, "InlinePolicies." + ConsoleEdits.rolePolicyName(aws) + ".Statement[0]");
    }

    /** The deep dry run plans exactly this; the deep apply repairs it; then nothing is planned. */
    private void expect(String change, String fields) {
        expect(Map.of(change, fields));
    }

    private void expect(Map<String, String> plan) {
        String change = plan.keySet().iterator().next();
        assertThat(ConsoleEdits.deepPlan(apply.apply(DEEP_DRY_RUN))).as(change).isEqualTo(plan);
        ReconcileResult repaired = apply.apply(DEEP);
        assertThat(repaired.apply().orElseThrow().failures()).as(change).isEmpty();
        assertThat(ConsoleEdits.deepPlan(apply.apply(DEEP_DRY_RUN))).as("after repairing " + change).isEmpty();
    }
}
