package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.apply.ChangeFailure;
import io.jobform.aws.ObjectSummary;
import io.jobform.aws.PropagationRetry;
import io.jobform.config.InstanceConfig;
import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a manifest author cannot do through the reconciler: get a role without the permissions
 * boundary, see env or input values in logs, plans or status, or change another instance's
 * resources by choosing a job name that generates the same AWS names.
 */
class SecurityIT extends InSandbox {
    private static final String ENV_SECRET = "Zx9-env-value-never-printed";
    private static final String INPUT_SECRET = "Qw7-input-value-never-printed";

    final List<String> log = new ArrayList<>();

    private ReconcileResult reconcile(String instance, Path dir) {
        InstanceConfig config = Sandbox.config(instance);
        Reconciler reconciler = new Reconciler(config, new DirectoryManifestSource(dir), sandbox.store, sandbox.clients,
                Clock.systemUTC(), log::add, new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200)));
        try {
            return reconciler.reconcile(ReconcileOptions.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyCreatedRoleCarriesTheBoundary() {
        Path dir = work.resolve("jobs");
        ChangeSet.before(dir);
        assertThat(reconcile("jobform", dir).apply().orElseThrow().failures()).isEmpty();
        var roles = sandbox.clients.iam.listRoles(b -> b.pathPrefix("/jobform/")).roles();
        // 3 shared roles + every third of 20 jobs declares permissions.
        assertThat(roles).hasSize(3 + 7);
        assertThat(roles).allSatisfy(r -> assertThat(sandbox.clients.iam.getRole(b -> b.roleName(r.roleName())).role()
                .permissionsBoundary().permissionsBoundaryArn()).isEqualTo(
                        "arn:aws:iam::123456789012:policy/jobform-boundary"));
    }

    @Test
    void envAndInputValuesAppearInNoLogPlanOrStatus() throws Exception {
        Path dir = work.resolve("jobs");
        Files.createDirectories(dir);
        String job = """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata: {name: quiet}
                spec:
                  schedule: {cron: "0 1 * * *"}
                  container:
                    image: app:1
                    env: {PLAIN: "%s"}
                  input: {token: "%s"}
                """;
        Files.writeString(dir.resolve("quiet.yaml"), job.formatted(ENV_SECRET, INPUT_SECRET));
        ReconcileResult created = reconcile("jobform", dir);
        assertThat(created.apply().orElseThrow().failures()).isEmpty();
        // An update, so the plan carries field diffs of the env and the input.
        Files.writeString(dir.resolve("quiet.yaml"), job.formatted(ENV_SECRET + "2", INPUT_SECRET + "2"));
        ReconcileResult updated = reconcile("jobform", dir);
        assertThat(updated.plan().orElseThrow().mutating()).isNotEmpty();

        List<String> outputs = new ArrayList<>(log);
        for (ReconcileResult r : List.of(created, updated)) {
            for (Change c : r.plan().orElseThrow().changes()) {
                // What the plan printers show of a change: action, resource, hashes, skip reasons.
                outputs.add(c.action().word() + " " + c.id() + " " + c.job().orElse(""));
                if (c instanceof Change.Skip skip) {
                    outputs.add(skip.reason());
                }
                if (c instanceof Change.Update u) {
                    u.fields().forEach(f -> outputs.add(f.path() + "=" + f.before() + " -> " + f.after()));
                }
            }
            r.apply().orElseThrow().failures().forEach(f -> outputs.add(f.format()));
            r.validation().orElseThrow().violations().forEach(v -> outputs.add(v.format()));
        }
        // The applied records keep the last applied values for the next plan: never these.
        assertThat(sandbox.store.list("_jobform/applied/")).isNotEmpty();
        for (ObjectSummary o : concat(sandbox.store.list("_jobform/status/"), sandbox.store.list("_jobform/applied/"))) {
            outputs.add(new String(sandbox.store.get(o.key()).orElseThrow().body(), StandardCharsets.UTF_8));
        }
        assertThat(outputs).isNotEmpty().noneMatch(s -> s.contains("never-printed"));
        // The values did reach AWS: the test would pass vacuously otherwise.
        assertThat(sandbox.clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-quiet")).taskDefinition()
                .containerDefinitions().get(0).environment().toString()).contains(ENV_SECRET + "2");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Instance {@code jobform} with job {@code prod-report} and instance {@code jobform-prod} with job
     * {@code report} generate the same names. The second one to reconcile may not touch the
     * first one's resources: it reports the collision for its job and changes nothing.
     */
    @Test
    void aCollidingNameCannotReachAnotherInstancesResources() throws Exception {
        Path prod = work.resolve("prod");
        Path dev = work.resolve("dev");
        Files.createDirectories(prod);
        Files.createDirectories(dev);
        Files.writeString(prod.resolve("report.yaml"), ChangeSet.job(1, "1.0", "0 1 * * *", 3600, true, "prod-data")
                .replace("job-01", "report"));
        Files.writeString(dev.resolve("prod-report.yaml"), ChangeSet.job(2, "6.6", "0 2 * * *", 60, true, "dev-data")
                .replace("job-02", "prod-report"));
        assertThat(reconcile("jobform-prod", prod).apply().orElseThrow().failures()).isEmpty();
        Map<String, String> before = owned(AwsStateFingerprint.of(sandbox.clients, sandbox.store), "jobform-prod-report");

        ReconcileResult intruder = reconcile("jobform", dev);
        List<String> failures = intruder.apply().orElseThrow().failures().stream().map(ChangeFailure::format).toList();
        assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f).contains("jobform-prod-report")
                .contains("the name is taken by jobform instance jobform-prod (its job report)"));
        Map<String, String> after = owned(AwsStateFingerprint.of(sandbox.clients, sandbox.store), "jobform-prod-report");
        // Nothing new either: no schedule in the intruder's group that would start the other
        // instance's state machine.
        assertThat(after).isEqualTo(before);
    }

    private static Map<String, String> owned(Map<String, String> fingerprint, String name) {
        Map<String, String> out = new TreeMap<>();
        fingerprint.forEach((k, v) -> {
            if (k.contains(name)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
