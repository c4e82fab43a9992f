package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.bench.BenchManifests;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact AWS calls of reconciles of N = 100 generated jobs read from S3, as the Lambda runs
 * them: the small version of benchmark scenarios 1–5 (docs/PERFORMANCE.md). A change that adds
 * per-job calls fails here. The budgets are formulas over the generated set: N jobs, P of them
 * with permissions (a task role), S with a schedule.
 */
class CallBudgetIT extends InSandbox {
    private static final int N = 100;

    ObjectStore manifests;
    Reconciler reconciler;
    Map<String, Long> bulkCreate;
    long withRole;
    long withSchedule;

    @BeforeEach
    void start() throws Exception {
        manifests = new ObjectStore(sandbox.clients.s3, Sandbox.BUCKET);
        Map<String, String> files = BenchManifests.generate(N);
        files.forEach((name, text) -> manifests.put("manifests/" + name, text.getBytes(StandardCharsets.UTF_8)));
        withRole = files.values().stream().filter(t -> t.contains("\n  permissions:")).count();
        withSchedule = files.values().stream().filter(t -> t.contains("\n  schedule:")).count();
        reconciler = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(manifests, "manifests/"),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { }, PropagationRetry.standard());
        sandbox.resetCalls();
        ReconcileResult created = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(created.apply().orElseThrow().failures()).isEmpty();
        bulkCreate = sandbox.calls();
        sandbox.resetCalls();
    }

    /** What every reconcile pays: lease, inventory, one listing of the source, the observation pages. */
    private Map<String, Long> observation(long schedules) {
        Map<String, Long> calls = new TreeMap<>();
        calls.put("s3:PutObject", 1L);
        calls.put("s3:DeleteObject", 1L);
        calls.put("s3:GetObject", 1L);
        calls.put("s3:ListObjectsV2", 1L);
        // Existence from the services themselves: the group read directly, N state machines at
        // 1,000 per ListStateMachines page, N families at 100 per ListTaskDefinitionFamilies page.
        calls.put("scheduler:GetScheduleGroup", 1L);
        calls.put("states:ListStateMachines", (N + 999L) / 1000);
        calls.put("ecs:ListTaskDefinitionFamilies", (N + 99L) / 100);
        calls.put("scheduler:ListSchedules", Math.max(1, (schedules + 99) / 100));
        calls.put("iam:ListRoles", 1L);
        return calls;
    }

    @Test
    void bulkCreateCallsEveryCreateOnceAndObservesFromNothing() {
        Map<String, Long> expected = new TreeMap<>();
        // Nothing exists yet: one empty observation page each; no group, so no ListSchedules.
        expected.put("states:ListStateMachines", 1L);
        expected.put("ecs:ListTaskDefinitionFamilies", 1L);
        expected.put("iam:ListRoles", 1L);
        expected.put("s3:ListObjectsV2", 1L);
        // Inventory (missing), then every manifest once.
        expected.put("s3:GetObject", 1L + N + 1);
        // Lease, per job its status object and its applied field values (_jobform/applied/), the
        // shared resources' field values, the summary, the schedules' applied times, the inventory.
        expected.put("s3:PutObject", 1L + 2L * N + 1 + 1 + 1 + 1);
        expected.put("s3:DeleteObject", 1L);
        expected.put("scheduler:GetScheduleGroup", 2L);     // observation, then the create's own check
        expected.put("scheduler:CreateScheduleGroup", 1L);
        expected.put("scheduler:ListTagsForResource", 1L);    // the group's tags: any stale one is removed
        expected.put("scheduler:TagResource", 1L);            // the group's ownership tags
        expected.put("scheduler:CreateSchedule", withSchedule);
        expected.put("scheduler:GetSchedule", withSchedule);
        expected.put("ecs:DescribeTaskDefinition", (long) N);
        expected.put("ecs:RegisterTaskDefinition", (long) N);
        expected.put("states:CreateStateMachine", (long) N);
        long roles = withRole + 3;
        // ListRoleTags: a tag the spec no longer has (a removed label) is untagged before TagRole.
        for (String op : new String[] {"CreateRole", "UpdateAssumeRolePolicy", "ListRolePolicies",
            "PutRolePermissionsBoundary", "ListRoleTags", "TagRole"}) {
            expected.put("iam:" + op, roles);
        }
        // Task roles have one inline policy; the three shared roles one each as well.
        expected.put("iam:PutRolePolicy", roles);
        assertThat(bulkCreate).isEqualTo(expected);
    }

    @Test
    void noOpReconcileMakesAConstantNumberOfCalls() throws Exception {
        ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(result.plan().orElseThrow().hasChanges()).isFalse();
        assertThat(result.fetched()).isZero();
        assertThat(sandbox.calls()).isEqualTo(observation(withSchedule));
        // A second run in the same process (a warm Lambda) costs the same.
        sandbox.resetCalls();
        reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(sandbox.calls()).isEqualTo(observation(withSchedule));
    }

    @Test
    void oneChangedManifestCostsOnlyItsOwnCalls() throws Exception {
        manifests.put("manifests/" + BenchManifests.fileName(7),
                BenchManifests.changed(7).getBytes(StandardCharsets.UTF_8));
        sandbox.resetCalls();
        ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(result.fetched()).isEqualTo(1);
        String family = "jobform-" + BenchManifests.name(7);
        assertThat(Sandbox.changes(result)).containsExactly("update TaskDefinition/" + family,
                "retire revisions TaskDefinition/" + family);
        Map<String, Long> expected = observation(withSchedule);
        expected.put("s3:GetObject", 3L);                  // inventory, the changed manifest, its applied record
        expected.put("s3:PutObject", 1L + 1 + 1 + 1);      // lease, the job's status and field hashes, inventory
        expected.put("ecs:DescribeTaskDefinition", 1L);    // a revision registered before a crash is adopted
        expected.put("ecs:RegisterTaskDefinition", 1L);
        expected.put("ecs:ListTaskDefinitions", 1L);       // the family's ACTIVE revisions, to retire all older ones
        expected.put("ecs:DeregisterTaskDefinition", 1L);  // the superseded revision
        expected.put("ecs:DeleteTaskDefinitions", 1L);
        assertThat(sandbox.calls()).isEqualTo(expected);
    }

    @Test
    void pruneOfTenJobsCostsTheirDeletesOnly() throws Exception {
        long schedules = 0;
        long roles = 0;
        for (int i = N - 10; i < N; i++) {
            String text = BenchManifests.job(i);
            schedules += text.contains("\n  schedule:") ? 1 : 0;
            roles += text.contains("\n  permissions:") ? 1 : 0;
            String key = "manifests/" + BenchManifests.fileName(i);
            sandbox.clients.s3.deleteObject(b -> b.bucket(Sandbox.BUCKET).key(key));
        }
        sandbox.resetCalls();
        ReconcileResult result = reconciler.reconcile(ReconcileOptions.defaults());
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        Map<String, Long> expected = observation(withSchedule);
        expected.put("s3:DeleteObject", 1L + 2 * 10);      // lease, the ten status and field-hash objects
        expected.put("s3:PutObject", 1L + 1 + 1 + 1);      // lease, summary, the schedules' times, inventory
        expected.put("scheduler:DeleteSchedule", schedules);
        expected.put("states:DeleteStateMachine", 10L);
        expected.put("ecs:ListTaskDefinitions", 10L);      // each family's ACTIVE revisions
        expected.put("ecs:DeregisterTaskDefinition", 10L);
        expected.put("ecs:DeleteTaskDefinitions", 10L);
        expected.put("iam:ListRolePolicies", roles);
        expected.put("iam:DeleteRolePolicy", roles);
        expected.put("iam:DeleteRole", roles);
        assertThat(sandbox.calls()).isEqualTo(expected);
    }
}
