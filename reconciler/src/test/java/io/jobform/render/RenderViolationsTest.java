package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jobs that cannot be rendered are reported as values and contribute no resources. */
class RenderViolationsTest {

    private static InstanceConfig configWithout(boolean network, String cluster) {
        InstanceConfig c = JobBuilder.config();
        return new InstanceConfig(c.instance(), c.partition(), c.region(), c.accountId(), cluster,
                network ? c.network() : Optional.empty(), c.permissionsBoundaryArn());
    }

    @Test
    void jobWithoutAnyNetworkIsAnErrorAndOthersStillRender() {
        JobBuilder noNetwork = JobBuilder.hourlySync(); // relies on the instance network
        List<ScheduledJob> jobs = List.of(noNetwork.build(), JobBuilder.nightlyReport().build());
        RenderResult result = Renderer.render(jobs, configWithout(false, "jobs"));

        assertThat(result.failedJobs()).containsExactly("hourly-sync");
        Violation v = result.violations().get(0);
        assertThat(v.isError()).isTrue();
        assertThat(v.field()).isEqualTo("spec.network");
        assertThat(v.format()).startsWith("manifests/hourly-sync.yaml:1:1: error: spec.network: ScheduledJob/hourly-sync: no network");
        assertThat(result.desired().forJob("hourly-sync")).isEmpty();
        assertThat(result.desired().forJob("nightly-report")).hasSize(4);
    }

    @Test
    void jobWithoutSubnetsIsAnError() {
        JobBuilder b = JobBuilder.adhocBackfill();
        b.network = Optional.of(new Network(List.of(), List.of("sg-1"), false));
        RenderResult result = Renderer.render(List.of(b.build()), JobBuilder.config());
        assertThat(result.violations()).extracting(Violation::field).containsExactly("spec.network.subnets");
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void jobWithoutClusterIsAnError() {
        RenderResult result = Renderer.render(List.of(JobBuilder.adhocBackfill().build()), configWithout(true, ""));
        assertThat(result.violations()).extracting(Violation::field).containsExactly("spec.cluster");
    }

    @Test
    void noJobsRendersNothingNotEvenTheSharedResources() {
        // Shared resources exist for jobs: after jobform destroy, a reconcile of no manifests
        // must not bring them back.
        RenderResult result = Renderer.render(List.of(), JobBuilder.config());
        assertThat(result.desired().resources()).isEmpty();
        RenderResult one = Renderer.render(List.of(JobBuilder.adhocBackfill().build()), JobBuilder.config());
        assertThat(one.desired().shared()).extracting(r -> r.id().toString()).containsExactly(
                "ScheduleGroup/jobform", "Role/jobform-execution", "Role/jobform-scheduler", "Role/jobform-states");
    }
}
