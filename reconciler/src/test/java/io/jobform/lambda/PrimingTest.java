package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.render.Renderer;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The priming inputs must exercise the real paths: a manifest that fails validation would warm little. */
class PrimingTest {

    @Test
    void bundledManifestIsValidAndRenders() throws IOException {
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream(EngineWiring.SAMPLE_MANIFEST)) {
            content = in.readAllBytes();
        }
        HandlerConfig config = HandlerConfig.fromEnvironment(JobformHandlerTest.ENV);
        ValidationReport report = new Validator().validate(List.of(new ManifestFile("priming.yaml", content)),
                "jobform", Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(report.violations()).isEmpty();
        assertThat(report.jobs()).hasSize(1);
        assertThat(Renderer.render(report.jobs(), config.instance()).desired().resources()).isNotEmpty();
    }

    @Test
    void bundledEventCoalescesIntoAReconcile() throws IOException {
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.of("JOBFORM_BUCKET", "priming",
                "AWS_REGION", "us-east-1", "JOBFORM_ACCOUNT_ID", "123456789012"));
        try (InputStream in = getClass().getResourceAsStream(Priming.SAMPLE_EVENT)) {
            Invocation invocation = new EventParser(GoldenEvents.JSON).parse(GoldenEvents.JSON.readTree(in));
            assertThat(new Coalescer(config.scope()).coalesce(invocation).request()).isPresent();
        }
    }
}
