package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus under src/test/resources/bad-input: malformed YAML, wrong types at every
 * level, alias bombs, deep nesting, invalid UTF-8, binary garbage, duplicate keys and hostile
 * strings. Each file declares its errors in the header exactly like the files under invalid/
 * ({@code # expect: line:column field message-fragment}); every error must carry the file's
 * key, a position inside the file, and a message that is not an exception dump.
 */
class BadInputCorpusTest {

    static final Path DIR = Path.of("src/test/resources/bad-input");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() throws IOException {
        assertThat(files().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsExactlyTheExpectedErrors(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<InvalidManifestsTest.Expectation> expected =
                InvalidManifestsTest.expectations(new String(bytes, StandardCharsets.ISO_8859_1));
        assertThat(expected).as("expectations in the header of " + file).isNotEmpty();
        String key = "manifests/" + file.getFileName();

        ValidationReport report = new Validator().validate(List.of(new ManifestFile(key, bytes)), "jobform",
                InvalidManifestsTest.NOW);

        List<Violation> errors = report.violations().stream().filter(Violation::isError).toList();
        assertThat(report.jobs()).isEmpty();
        CleanErrors.assertClean(errors, key, bytes);
        for (InvalidManifestsTest.Expectation e : expected) {
            assertThat(errors).as("errors of %s", file.getFileName()).anyMatch(e::matches);
        }
        assertThat(errors.stream().map(Violation::format).toList()).as("no unexpected errors").hasSize(expected.size());
    }
}
