package io.jobform.emulator.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleExpressionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "at(2026-05-01T10:00:00)|true",
        "at(2026-02-30T10:00:00)|false",
        "at(2026-05-01 10:00:00)|false",
        "rate(1 minute)|true",
        "rate(15 minutes)|true",
        "rate(2 hours)|true",
        "rate(1 day)|true",
        "rate(0 minutes)|false",
        "rate(5 weeks)|false",
        "rate(5)|false",
        "cron(0 2 * * ? *)|true",
        "cron(0/15 * ? * MON-FRI *)|true",
        "cron(0 8 1 * ? 2026)|true",
        "cron(0 10 ? * 6L *)|true",
        "cron(0 10 ? * 2#1 *)|true",
        "cron(0 10 L * ? *)|true",
        "cron(0 10 15W * ? *)|true",
        "cron(0 18 ? JAN,DEC SUN *)|true",
        "cron(0-15/1 8-8 ? * 2,3,4,5,6,7 *)|true",
        "cron(30-30 13-13 ? * 2,4,6 *)|true",
        "cron(1-31/30 1-1 ? * 1,7 *)|true",
        "cron(0 2 * * * *)|false",
        "cron(0 2 ? * ? *)|false",
        "cron(0 2 * * ?)|false",
        "cron(60 2 * * ? *)|false",
        "cron(0 24 * * ? *)|false",
        "cron(0 2 32 * ? *)|false",
        "cron(0 2 ? 13 * *)|false",
        "cron(0 2 ? * 8 *)|false",
        "cron(0 2 * * ? 1969)|false",
        "cron(0 2 * * ? * *)|false",
        "0 2 * * ?|false",
        "cron(x 2 * * ? *)|false"})
    void acceptsTheThreeAwsForms(String expression, boolean valid) {
        assertThat(ScheduleExpressions.valid(expression)).isEqualTo(valid);
    }
}
