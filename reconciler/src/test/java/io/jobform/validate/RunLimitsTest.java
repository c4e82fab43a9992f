package io.jobform.validate;

import static io.jobform.validate.ValidatorTest.file;
import static io.jobform.validate.ValidatorTest.job;
import static io.jobform.validate.ValidatorTest.named;
import static io.jobform.validate.ValidatorTest.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Severity;
import io.jobform.manifest.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A past startDate, exit-code lists and their effect on the bound job (ValidatorTest.NOW is 2026-06-01). */
class RunLimitsTest {

    @Test
    void aPastStartDateIsANoteAndIsNotRendered() {
        var report = validate(file("a.yaml", job("late", "  schedule:\n    rate: 1h\n    startDate: 2026-01-01T00:00:00Z\n")));
        assertThat(report.valid()).isTrue();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.NOTE);
            assertThat(v.format()).startsWith("a.yaml:10:16: note: spec.schedule.startDate: startDate 2026-01-01T00:00:00Z has passed");
        });
        assertThat(report.warningCount()).isZero();
        assertThat(named(report, "late").spec().schedule().orElseThrow().startDate()).isEmpty();
    }

    @Test
    void aFutureStartDateIsKept() {
        var report = validate(file("a.yaml", job("early", "  schedule:\n    rate: 1h\n    startDate: 2027-01-01T00:00:00Z\n")));
        assertThat(report.violations()).isEmpty();
        assertThat(named(report, "early").spec().schedule().orElseThrow().startDate())
                .isEqualTo(Optional.of(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void exitCodesAreBoundSortedAndWithoutEffectWhileLimitIsZero() {
        var bound = validate(file("a.yaml", job("codes", "  retries: {limit: 2, exitCodes: [137, 75]}\n")));
        assertThat(named(bound, "codes").spec().retries().exitCodes()).containsExactly(75, 137);
        var idle = validate(file("b.yaml", job("idle", "  retries: {exceptExitCodes: [2]}\n")));
        assertThat(idle.valid()).isTrue();
        assertThat(idle.violations()).extracting(Violation::format)
                .containsExactly("b.yaml:8:30: warning: spec.retries.exceptExitCodes: has no effect while retries.limit is 0");
        assertThat(named(idle, "idle").spec().retries().exceptExitCodes()).isEqualTo(List.of(2));
    }
}
