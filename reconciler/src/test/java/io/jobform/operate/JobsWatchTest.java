package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobsWatchTest {

    /** ListExecutions refills 2 per second: one look at N jobs costs N calls, so N/2 seconds at least. */
    @ParameterizedTest
    @CsvSource({"0, 5", "1, 5", "10, 5", "11, 5.5", "100, 50", "1000, 500"})
    void theIntervalKeepsListExecutionsWithinItsRefillRate(int jobs, double seconds) {
        assertThat(JobsWatch.interval(jobs)).isEqualTo(Duration.ofMillis((long) (seconds * 1000)));
    }
}
