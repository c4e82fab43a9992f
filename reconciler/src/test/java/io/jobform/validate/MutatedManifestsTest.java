package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Systematically broken variants of the example manifests (each line removed, truncated, or its
 * value replaced by another shape): validation never throws, and every finding in the file
 * points at one of its lines.
 */
class MutatedManifestsTest {

    static final List<String> VALUES = List.of("[]", "{}", "null", "\"x\"");

    static Stream<ManifestFile> examples() throws IOException {
        return ValidatorTest.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyVariantIsReportedNeverThrown(ManifestFile original) throws IOException {
        List<ManifestFile> others = ValidatorTest.examples().stream()
                .filter(f -> f.key().endsWith("_defaults.yaml") && !f.key().equals(original.key())).toList();
        String text = new String(original.content(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> removed = new ArrayList<>(lines);
            removed.remove(i);
            variants.add(String.join("\n", removed));
            variants.add(String.join("\n", lines.subList(0, i)));
            int colon = lines.get(i).indexOf(": ");
            for (String value : VALUES) {
                if (colon > 0) {
                    List<String> replaced = new ArrayList<>(lines);
                    replaced.set(i, lines.get(i).substring(0, colon + 2) + value);
                    variants.add(String.join("\n", replaced));
                }
            }
        }
        Validator validator = new Validator();
        for (String variant : variants) {
            List<ManifestFile> set = new ArrayList<>(others);
            set.add(new ManifestFile(original.key(), variant.getBytes(StandardCharsets.UTF_8)));
            assertThatCode(() -> {
                ValidationReport report = validator.validate(set, "jobform", ValidatorTest.NOW);
                long lineCount = variant.lines().count() + 1;
                for (Violation v : report.violations().stream().filter(v -> v.position().file().equals(original.key())).toList()) {
                    assertThat(v.position().line()).as(v.format()).isBetween(1, (int) Math.max(lineCount, 1));
                    assertThat(v.message()).as(v.format()).isNotBlank();
                }
            }).as("variant of %s:%n%s", original.key(), variant).doesNotThrowAnyException();
        }
        assertThat(variants).hasSizeGreaterThan(lines.size());
    }
}
