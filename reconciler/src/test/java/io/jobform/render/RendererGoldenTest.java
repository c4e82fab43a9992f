package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ScheduledJob;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every hand-built fixture job rendered and compared with its golden file; shared resources likewise. */
class RendererGoldenTest {

    static Stream<JobBuilder> fixtures() {
        return JobBuilder.fixtures().stream();
    }

    static RenderResult renderAll() {
        List<ScheduledJob> jobs = JobBuilder.fixtures().stream().map(JobBuilder::build).toList();
        return Renderer.render(jobs, JobBuilder.config());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jobMatchesGolden(JobBuilder fixture) throws IOException {
        RenderResult result = renderAll();
        assertThat(result.violations()).isEmpty();
        List<ResourceSpec> resources = result.desired().forJob(fixture.name);
        assertThat(resources).isNotEmpty();
        GoldenFiles.assertMatches("fixtures/" + fixture.name + ".json", CanonicalJson.pretty(RenderDocument.of(resources)) + "\n");
    }

    @Test
    void sharedResourcesMatchGolden() throws IOException {
        GoldenFiles.assertMatches("fixtures/_shared.json",
                CanonicalJson.pretty(RenderDocument.of(renderAll().desired().shared())) + "\n");
    }
}
