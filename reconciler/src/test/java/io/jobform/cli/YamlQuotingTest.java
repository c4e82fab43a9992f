package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlQuotingTest {
    private final YamlQuoting quoting = new YamlQuoting();

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-01-01T00:00:00Z", "1e3", "-2.5E-3", "0o17", "017", "0x1F", ".inf",
        "-.Inf", ".nan", "12:30", "1_000", "0123", "42", "true", "yes", "null", "~"})
    void stringsAReaderWouldTakeForDatesNumbersOrBooleansAreQuoted(String value) {
        assertThat(quoting.needToQuoteValue(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nightly-report", "cron(0 5 * * ? *)", "Europe/Berlin", "v1.2.3", "busybox:1.36",
        "arn:aws:iam::123456789012:role/x", "ecs:RunTask"})
    void ordinaryStringsStayPlain(String value) {
        assertThat(quoting.needToQuoteValue(value)).as(value).isFalse();
    }
}
