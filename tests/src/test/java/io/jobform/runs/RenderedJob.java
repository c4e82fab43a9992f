package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.config.InstanceConfig;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Network;
import io.jobform.render.Renderer;
import io.jobform.render.StateMachineSpec;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A manifest taken through the real validator and renderer to the state machine definition. */
final class RenderedJob {

    static final InstanceConfig CONFIG = new InstanceConfig("jobform", "aws", "us-east-1", "123456789012", "jobs",
            Optional.of(new Network(List.of("subnet-1"), List.of("sg-1"), false)), Optional.empty());

    private RenderedJob() {}

    /** @param specLines extra lines under {@code spec:}, indented by two spaces; a {@code schedule} line replaces the default one */
    static JsonNode definition(String specLines) {
        String schedule = specLines.contains("  schedule:") ? "" : "  schedule: {cron: \"0 2 * * *\"}\n";
        String yaml = """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: job
                spec:
                  container: {image: "public.ecr.aws/docker/library/busybox:1.36"}
                """ + schedule + specLines;
        ValidationReport report = new Validator().validate(List.of(new ManifestFile("job.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))), "jobform", Instant.parse("2026-03-01T00:00:00Z"));
        if (!report.valid()) {
            throw new IllegalArgumentException("invalid test manifest: " + report.violations() + "\n" + yaml);
        }
        return Renderer.render(report.jobs(), CONFIG).desired().ofType(StateMachineSpec.class).get(0).definitionJson();
    }
}
