package io.jobform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    static LoadedFile load(String text) {
        return new ManifestLoader().load(new ManifestFile("m.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recordsKeyAndValuePositionsByJsonPointer() {
        LoadedFile file = load("""
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                spec:
                  container:
                    command: ["a", "b"]
                    memory: 1024
                """);
        assertThat(file.violations()).isEmpty();
        YamlDocument doc = file.documents().get(0);
        PositionIndex at = doc.positions();
        assertThat(at.keyAt("/spec/container/memory")).isEqualTo(new SourcePosition("m.yaml", 6, 5));
        assertThat(at.valueAt("/spec/container/memory")).isEqualTo(new SourcePosition("m.yaml", 6, 13));
        assertThat(at.valueAt("/spec/container/command/1")).isEqualTo(new SourcePosition("m.yaml", 5, 20));
        // A pointer that does not exist falls back to its nearest ancestor.
        assertThat(at.valueAt("/spec/container/cpu")).isEqualTo(at.valueAt("/spec/container"));
        assertThat(doc.tree().at("/spec/container/memory").isInt()).isTrue();
        assertThat(doc.start()).isEqualTo(new SourcePosition("m.yaml", 1, 1));
    }

    @Test
    void yamlOnePointTwoScalarsKeepTheirTypes() {
        YamlDocument doc = load("a: yes\nb: true\nc: 012\nd: 0x1F\ne: 1.5\nf: ~\ng: '42'\nh: 2026-01-01T00:00:00Z\n")
                .documents().get(0);
        assertThat(doc.tree().get("a").isTextual()).isTrue();
        assertThat(doc.tree().get("b").booleanValue()).isTrue();
        assertThat(doc.tree().get("c").intValue()).isEqualTo(12);
        assertThat(doc.tree().get("d").intValue()).isEqualTo(31);
        assertThat(doc.tree().get("e").doubleValue()).isEqualTo(1.5);
        assertThat(doc.tree().get("f").isNull()).isTrue();
        assertThat(doc.tree().get("g").textValue()).isEqualTo("42");
        assertThat(doc.tree().get("h").textValue()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void multiDocumentFilesYieldOneDocumentEach() {
        LoadedFile file = load("a: 1\n---\nb: 2\n---\nc: 3\n");
        assertThat(file.documents()).extracting(d -> d.start().line()).containsExactly(1, 3, 5);
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        LoadedFile file = load("\uFEFFa: 1\n");
        assertThat(file.violations()).isEmpty();
        assertThat(file.documents().get(0).tree().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void duplicateKeysKeepTheDocumentReadableButReportBothPlaces() {
        LoadedFile file = load("metadata:\n  name: x\n  name: y\n");
        YamlDocument doc = file.documents().get(0);
        assertThat(doc.tree().at("/metadata/name").asText()).isEqualTo("x");
        assertThat(doc.problems()).extracting(Violation::format).containsExactly(
                "m.yaml:3:3: error: metadata.name: duplicate key 'name' (first defined at m.yaml:2:3)",
                "m.yaml:2:3: error: metadata.name: duplicate key 'name' (defined again at m.yaml:3:3)");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThat(load("").violations()).extracting(Violation::format)
                .containsExactly("m.yaml:1:1: error: file contains no YAML document");
    }

    @Test
    void manyAliasesOfSmallValuesStayWithinTheNodeLimit() {
        LoadedFile file = load("a: &x [1, 2]\nb: *x\nc: *x\n");
        assertThat(file.violations()).isEmpty();
        assertThat(file.documents().get(0).tree().at("/c/1").intValue()).isEqualTo(2);
    }
}
