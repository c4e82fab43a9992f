package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A guard is printed once per stream: on stderr always, in the requested report only where it carries it. */
class ProblemLinesTest {

    private static final String GUARD = PlanPrinterTest.sample().plan().orElseThrow().guards().get(0);

    @ParameterizedTest
    @CsvSource({"text, 0", "markdown, 1", "json, 1"})
    void eachGuardOnceNamingItsOverride(PlanPrinter.Format format, int inReport) {
        String report = PlanPrinter.print(PlanPrinterTest.sample(), format, "manifests", "local emulator",
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(report.lines().filter(l -> l.contains(GUARD))).hasSize(inReport);
        assertThat(ProblemLines.of("plan", PlanPrinterTest.sample())).containsExactly("jobform plan: " + GUARD);
        assertThat(GUARD).contains("--max-deletions").contains("JOBFORM_MAX_DELETIONS");
    }
}
