package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under src/test/resources/invalid declares, in its header, exactly the errors it
 * must produce: {@code # expect: line:column field message-fragment} ({@code -} for no field).
 */
class InvalidManifestsTest {

    static final Path DIR = Path.of("src/test/resources/invalid");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+) (\\S+) (.+)$");

    record Expectation(int line, int column, String field, String fragment) {
        boolean matches(Violation v) {
            return v.position().line() == line && v.position().column() == column
                    && v.field().equals(field.equals("-") ? "" : field) && v.message().contains(fragment);
        }
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastFortyCases() throws IOException {
        assertThat(files().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsExactlyTheExpectedErrors(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Expectation> expected = expectations(new String(bytes, StandardCharsets.ISO_8859_1));
        assertThat(expected).as("expectations in the header of " + file).isNotEmpty();
        String key = "invalid/" + file.getFileName();

        ValidationReport report = new Validator().validate(List.of(new ManifestFile(key, bytes)), "jobform", NOW);

        List<Violation> errors = report.violations().stream().filter(Violation::isError).toList();
        assertThat(report.valid()).isFalse();
        assertThat(report.jobs()).noneMatch(job -> report.invalidJobNames().contains(job.name()));
        assertThat(errors).allSatisfy(v -> assertThat(v.position().file()).isEqualTo(key));
        for (Expectation e : expected) {
            assertThat(errors).as("errors of %s", file.getFileName()).anyMatch(e::matches);
        }
        assertThat(errors.stream().map(Violation::format).toList()).as("no unexpected errors").hasSize(expected.size());
    }

    static List<Expectation> expectations(String text) {
        List<Expectation> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                out.add(new Expectation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                        m.group(4)));
            }
        }
        return out;
    }
}
