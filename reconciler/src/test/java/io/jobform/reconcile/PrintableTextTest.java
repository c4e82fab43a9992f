package io.jobform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lease holders are printed without anything a terminal would act on. */
class PrintableTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain host/pid/id             | ip-10-0-0-1/4242/1a2b3c4d  | ip-10-0-0-1/4242/1a2b3c4d",
        "escape sequence               | a\u001b[2Jb                 | a\\u001B[2Jb",
        "bidi override                 | a\u202eb                    | a\\u202Eb",
        "backslash is escaped too      | a\\u0041                    | a\\u005Cu0041",
        "letters of any script stay    | läuft-β                     | läuft-β",
    })
    void escapes(String name, String holder, String printed) {
        assertThat(PrintableText.of(holder)).isEqualTo(printed);
    }

    @Test
    void longTextIsCut() {
        assertThat(PrintableText.of("x".repeat(500))).isEqualTo("x".repeat(PrintableText.MAX) + "…");
        assertThat(PrintableText.of("x".repeat(PrintableText.MAX))).isEqualTo("x".repeat(PrintableText.MAX));
        assertThat(PrintableText.of("\u0007".repeat(100))).hasSize(PrintableText.MAX + 1).endsWith("…");
    }

    @Test
    void lineBreaksOfAnyKindAreEscaped() {
        assertThat(PrintableText.of("a\r\nb")).isEqualTo("a\\u000D\\u000Ab");
        assertThat(PrintableText.of("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
    }

    @Test
    void anUnpairedSurrogateIsEscaped() {
        assertThat(PrintableText.of("a\uD800b")).isEqualTo("a\\uD800b");
    }
}
