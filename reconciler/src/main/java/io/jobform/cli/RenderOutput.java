package io.jobform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jobform.render.CanonicalJson;
import io.jobform.render.DesiredState;
import io.jobform.render.RenderDocument;
import io.jobform.render.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Formats rendered resources for {@code jobform render}: the shared resources, then the jobs'. */
final class RenderOutput {

    enum Format { json, yaml }

    private RenderOutput() {}

    /** @param job only this job's resources (the shared ones are always shown) */
    static String format(DesiredState desired, Optional<String> job, Format format) {
        List<ResourceSpec> shown = new ArrayList<>(desired.shared());
        desired.resources().stream()
                .filter(r -> r.job().isPresent() && job.map(j -> r.job().get().equals(j)).orElse(true))
                .forEach(shown::add);
        JsonNode document = CanonicalJson.sorted(RenderDocument.of(shown));
        return switch (format) {
            case json -> CanonicalJson.pretty(document) + "\n";
            case yaml -> yaml(document);
        };
    }

    private static String yaml(JsonNode document) {
        try {
            YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .stringQuotingChecker(new YamlQuoting())
                    .build());
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YAML cannot be written", e);
        }
    }
}
