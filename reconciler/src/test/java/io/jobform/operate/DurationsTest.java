package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m00s", "185, 3m05s", "3599, 59m59s", "3600, 1h00m", "7440, 2h04m",
            "86400, 1d00h", "266400, 3d02h", "-5, 0s"})
    void formatsShort(long seconds, String expected) {
        assertThat(Durations.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "15m, PT15M", "2h, PT2H", "1d, PT24H", "PT1H30M, PT1H30M", "' 5m ', PT5M"})
    void parsesTimeouts(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"soon", "5 m", "-5m", "5w", "''"})
    void rejectsOtherTimeouts(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23T10:00:00Z, 2026-11-23T10:05:00Z, 5m00s ago", "2026-11-23T12:04:00Z, 2026-11-23T10:00:00Z, in 2h04m"})
    void relativeTimes(String when, String now, String expected) {
        assertThat(Durations.relative(Instant.parse(when), Instant.parse(now))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23T10:00:00.123Z, 2026-11-23 10:00:00Z"})
    void utcTimestamps(String when, String expected) {
        assertThat(Durations.utc(Instant.parse(when))).isEqualTo(expected);
    }
}
