package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What every error about a bad file must be: positioned inside that file, readable, no stack trace. */
final class CleanErrors {

    private CleanErrors() {}

    static void assertClean(List<Violation> errors, String key, byte[] bytes) {
        assertThat(errors).as("errors for " + key).isNotEmpty();
        long lines = new String(bytes, StandardCharsets.ISO_8859_1).lines().count() + 1;
        for (Violation v : errors) {
            assertThat(v.position().file()).isEqualTo(key);
            assertThat(v.position().line()).as(v.format()).isBetween(1, (int) Math.max(lines, 1));
            assertThat(v.position().column()).as(v.format()).isPositive();
            assertThat(v.format()).as("a message, not an exception dump")
                    .startsWith(key + ":" + v.position().line() + ":" + v.position().column() + ": error: ")
                    .doesNotContain("Exception", "\tat ", "java.", "org.snakeyaml", "com.fasterxml");
        }
    }
}
