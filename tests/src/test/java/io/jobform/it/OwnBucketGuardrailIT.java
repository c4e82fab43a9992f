package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.PropagationRetry;
import io.jobform.aws.S3ManifestSource;
import io.jobform.manifest.Violation;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A manifest cannot give its job the power to rewrite the manifests or the reconciler's state
 * (and so grant itself more): writes to jobform's buckets are refused however a wildcard spells
 * them, and so is assuming a role named by a wildcard. The job is frozen: no task role exists.
 */
class OwnBucketGuardrailIT extends InSandbox {
    private static final String MANIFESTS = "jobform-manifests";

    private static final String JOB = """
            apiVersion: jobform.io/v1alpha1
            kind: ScheduledJob
            metadata: {name: %s}
            spec:
              schedule: {cron: "0 1 * * *"}
              container: {image: "app:1"}
              permissions:
                - {effect: Allow, actions: ["%s"], resources: ["%s"]}
            """;

    private ReconcileResult reconcile(String... jobs) throws Exception {
        var bucket = sandbox.bucket(MANIFESTS);
        for (int i = 0; i < jobs.length; i++) {
            bucket.put("jobs/job-" + i + ".yaml", jobs[i].getBytes(StandardCharsets.UTF_8));
        }
        Reconciler reconciler = new Reconciler(Sandbox.config("jobform"), new S3ManifestSource(bucket, "jobs/"),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { },
                new PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200)));
        return reconciler.reconcile(ReconcileOptions.defaults());
    }

    @Test
    void writesToJobformsBucketsAndWildcardRolesAreRefusedAndNoRoleIsCreated() throws Exception {
        ReconcileResult result = reconcile(
                JOB.formatted("state-j-star", "s3:PutObject", "arn:aws:s3:::j*"),
                JOB.formatted("state-objects", "s3:DeleteObject", "arn:aws:s3:::" + Sandbox.BUCKET + "/*"),
                JOB.formatted("state-policy", "s3:Put*", "arn:aws:s3:::" + Sandbox.BUCKET),
                JOB.formatted("manifests-any", "s3:*", "arn:aws:s3:::" + MANIFESTS + "/jobs/*"),
                JOB.formatted("manifests-lifecycle", "s3:PutLifecycleConfiguration", "arn:aws:s3:::jobform-m?nifests"),
                JOB.formatted("assume-any", "sts:AssumeRole", "arn:aws:iam::123456789012:role/*"),
                JOB.formatted("exports", "s3:PutObject", "arn:aws:s3:::" + MANIFESTS + "/exports/*"),
                JOB.formatted("reads", "s3:GetObject", "arn:aws:s3:::" + Sandbox.BUCKET + "/*"),
                JOB.formatted("assume-one", "sts:AssumeRole", "arn:aws:iam::123456789012:role/reports-reader"));

        List<String> errors = result.validation().orElseThrow().violations().stream().filter(Violation::isError)
                .map(Violation::format).toList();
        assertThat(errors).containsExactly(
                "job-0.yaml:8:33: error: spec.permissions[0].actions[0]: action 's3:PutObject' on 'arn:aws:s3:::j*' is "
                        + "refused: it can reach bucket 'jobform-it', where jobform keeps its manifests and state; "
                        + "jobs may only read there",
                "job-1.yaml:8:33: error: spec.permissions[0].actions[0]: action 's3:DeleteObject' on "
                        + "'arn:aws:s3:::jobform-it/*' is refused: it can reach bucket 'jobform-it', where jobform keeps "
                        + "its manifests and state; jobs may only read there",
                "job-2.yaml:8:33: error: spec.permissions[0].actions[0]: action 's3:Put*' on 'arn:aws:s3:::jobform-it' "
                        + "is refused: it can reach bucket 'jobform-it', where jobform keeps its manifests and state; "
                        + "jobs may only read there",
                "job-3.yaml:8:33: error: spec.permissions[0].actions[0]: action 's3:*' on "
                        + "'arn:aws:s3:::jobform-manifests/jobs/*' is refused: it can reach bucket 'jobform-manifests' or its "
                        + "objects under 'jobs/', where jobform keeps its manifests and state; jobs may only read there",
                "job-4.yaml:8:33: error: spec.permissions[0].actions[0]: action 's3:PutLifecycleConfiguration' on "
                        + "'arn:aws:s3:::jobform-m?nifests' is refused: it can reach bucket 'jobform-manifests' or its "
                        + "objects under 'jobs/', where jobform keeps its manifests and state; jobs may only read there",
                "job-5.yaml:8:33: error: spec.permissions[0].actions[0]: action 'sts:AssumeRole' on resource "
                        + "'arn:aws:iam::123456789012:role/*' is refused: name the roles the job may assume, without "
                        + "wildcards (a wildcard can reach a role with more permissions)");
        assertThat(result.apply().orElseThrow().failures()).isEmpty();

        List<String> roles = sandbox.clients.iam.listRoles(b -> b.pathPrefix("/jobform/jobform/")).roles().stream()
                .map(r -> r.roleName()).toList();
        assertThat(roles).contains("jobform-assume-one", "jobform-exports", "jobform-reads")
                .doesNotContain("jobform-state-j-star", "jobform-state-objects", "jobform-state-policy",
                        "jobform-manifests-any", "jobform-manifests-lifecycle", "jobform-assume-any");
    }
}
