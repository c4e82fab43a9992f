package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jobform.config.InstanceConfig;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.ScheduledJob;
import io.jobform.render.lint.AslChecker;
import io.jobform.render.lint.IamPolicyLint;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in manifests/ loaded, validated and rendered as {@code jobform render} does, then
 * compared with golden/<job>.json and run through the ASL checker and the IAM linter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestExamplesTest {

    static final Path MANIFESTS = Path.of("../manifests");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static InstanceConfig config() {
        return new InstanceConfig("jobform", "aws", "us-east-1", "123456789012", "default", Optional.empty(),
                Optional.of("arn:aws:iam::123456789012:policy/jobform-boundary"));
    }

    static List<ManifestFile> files() throws IOException {
        List<ManifestFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(new ManifestFile("manifests/" + MANIFESTS.relativize(p), Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static RenderResult render(List<ManifestFile> files) {
        ValidationReport report = new Validator().validate(files, "jobform", NOW);
        assertThat(report.violations()).filteredOn(v -> v.isError()).isEmpty();
        return Renderer.render(report.jobs(), config());
    }

    private List<ManifestFile> files;
    private RenderResult rendered;

    @BeforeAll
    void renderExamplesOnce() throws IOException {
        files = files();
        rendered = render(files);
    }

    Stream<String> jobNames() throws IOException {
        return new Validator().validate(files(), "jobform", NOW).jobs().stream().map(ScheduledJob::name);
    }

    @Test
    void everyExampleRenders() throws IOException {
        RenderResult result = rendered;
        assertThat(result.violations()).isEmpty();
        assertThat(jobNames()).isNotEmpty().allSatisfy(job ->
                assertThat(result.desired().forJob(job)).extracting(r -> r.id().kind().displayName())
                        .contains("TaskDefinition", "StateMachine"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobNames")
    void exampleMatchesGolden(String job) throws IOException {
        List<ResourceSpec> resources = rendered.desired().forJob(job);
        GoldenFiles.assertMatches(job + ".json", CanonicalJson.pretty(RenderDocument.of(resources)) + "\n");
    }

    @Test
    void sharedResourcesMatchGolden() throws IOException {
        GoldenFiles.assertMatches("_shared.json",
                CanonicalJson.pretty(RenderDocument.of(rendered.desired().shared())) + "\n");
    }

    @Test
    void examplesPassTheAslAndIamChecks() throws IOException {
        RenderResult result = rendered;
        List<String> findings = new ArrayList<>();
        for (StateMachineSpec m : result.desired().ofType(StateMachineSpec.class)) {
            AslChecker.check(m.definitionJson()).forEach(f -> findings.add(m.id() + f));
        }
        for (RoleSpec role : result.desired().ofType(RoleSpec.class)) {
            String where = role.id().toString();
            findings.addAll(IamPolicyLint.lintTrust(where, role.assumeRolePolicyDocument().toJson()));
            role.inlinePolicies().forEach((name, doc) ->
                    findings.addAll(IamPolicyLint.lintPermissions(where + "/" + name, doc.toJson())));
            findings.addAll(IamPolicyLint.lintBoundary(where, role.permissionsBoundary(), config().permissionsBoundaryArn()));
        }
        assertThat(findings).isEmpty();
    }

    /** YAML key order and formatting are not content: rewriting every manifest changes no hash. */
    @Test
    void reorderedAndReformattedManifestsRenderTheSameHashes() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<ManifestFile> rewritten = new ArrayList<>();
        for (ManifestFile f : files) {
            JsonNode tree = yaml.readTree(f.content());
            String text = yaml.writeValueAsString(reversedKeys(tree));
            rewritten.add(new ManifestFile(f.key(), text.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(rewritten).extracting(f -> new String(f.content(), StandardCharsets.UTF_8))
                .isNotEqualTo(files.stream().map(f -> new String(f.content(), StandardCharsets.UTF_8)).toList());
        assertThat(hashes(render(rewritten))).isEqualTo(hashes(rendered));
    }

    private static Map<String, String> hashes(RenderResult result) {
        Map<String, String> out = new java.util.TreeMap<>();
        result.desired().resources().forEach(r -> out.put(r.id().toString(), r.specHash()));
        return out;
    }

    private static JsonNode reversedKeys(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            Collections.reverse(fields);
            ObjectNode out = CanonicalJson.object();
            fields.forEach(e -> out.set(e.getKey(), reversedKeys(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = CanonicalJson.array();
            node.forEach(n -> out.add(reversedKeys(n)));
            return out;
        }
        return node;
    }
}
