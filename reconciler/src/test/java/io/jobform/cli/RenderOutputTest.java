package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Architecture;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.Container;
import io.jobform.manifest.JobSpec;
import io.jobform.manifest.Network;
import io.jobform.manifest.Notifications;
import io.jobform.manifest.Retries;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.SourcePosition;
import io.jobform.render.CanonicalJson;
import io.jobform.render.DesiredState;
import io.jobform.render.Renderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderOutputTest {

    private static ScheduledJob job(String name) {
        Container c = new Container("busybox:1", List.of("true"), List.of(), Map.of(), Map.of(), 256, 512,
                Optional.empty(), Architecture.X86_64);
        JobSpec spec = new JobSpec(Optional.empty(), false, ConcurrencyPolicy.ALLOW, Optional.empty(), 600,
                Retries.none(), c, Capacity.ON_DEMAND, Optional.empty(), Optional.empty(), List.of(),
                CanonicalJson.object(), Notifications.none());
        return new ScheduledJob(name, Map.of(), Map.of(), spec, name + ".yaml", SourcePosition.startOf(name + ".yaml"));
    }

    private static DesiredState desired() {
        InstanceConfig config = new InstanceConfig("jobform", "aws", "us-east-1", "123456789012", "jobs",
                Optional.of(new Network(List.of("subnet-1"), List.of("sg-1"), false)), Optional.empty());
        return Renderer.render(List.of(job("one"), job("two")), config).desired();
    }

    @Test
    void jobFilterKeepsSharedResourcesAndThatJobOnly() {
        String json = RenderOutput.format(desired(), Optional.of("two"), RenderOutput.Format.json);
        var doc = CanonicalJson.parse(json);
        assertThat(doc.has("StateMachine/jobform-two")).isTrue();
        assertThat(doc.has("TaskDefinition/jobform-two")).isTrue();
        assertThat(doc.has("Role/jobform-states")).isTrue();
        assertThat(doc.has("StateMachine/jobform-one")).isFalse();
        assertThat(doc.path("StateMachine/jobform-two").path("specHash").asText()).matches("[0-9a-f]{16}");
        // The ASL is shown as a structure, not as an escaped string.
        assertThat(doc.path("StateMachine/jobform-two").path("request").path("definition").path("StartAt").asText())
                .isEqualTo("CheckInput");
    }

    @Test
    void yamlCarriesTheSameContent() {
        String yaml = RenderOutput.format(desired(), Optional.empty(), RenderOutput.Format.yaml);
        assertThat(yaml).contains("StateMachine/jobform-one:").contains("StateMachine/jobform-two:")
                .contains("TaskDefinition: jobform-one").doesNotStartWith("---");
    }
}
