package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The translation table in src/test/resources/cron/translations.tsv (manifest cron to AWS fields). */
class CronTranslatorTest {

    static Stream<Arguments> table() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/cron/translations.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(cols -> Arguments.of(cols[0], cols[1]));
    }

    @Test
    void tableHasAtLeastTwentyTranslations() throws IOException {
        assertThat(table().filter(a -> !a.get()[1].toString().startsWith("invalid:")).count()).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void translates(String cron, String expected) {
        CronTranslator.Translation result = CronTranslator.translate(cron);
        if (expected.startsWith("invalid: ")) {
            assertThat(result).isInstanceOf(CronTranslator.Translation.Invalid.class);
            assertThat(((CronTranslator.Translation.Invalid) result).message()).contains(expected.substring(9));
        } else {
            assertThat(result).isEqualTo(new CronTranslator.Translation.Ok(expected));
            // Whatever we produce, the AWS dialect must accept.
            AwsCron.parse(expected);
        }
    }
}
