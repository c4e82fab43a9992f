package io.jobform.cli;

import io.jobform.calendar.Calendar;
import io.jobform.calendar.CalendarJob;
import io.jobform.calendar.CalendarWindow;
import io.jobform.calendar.FargateLimits;
import io.jobform.calendar.PeakReport;
import io.jobform.manifest.Violation;
import io.jobform.validate.ValidationReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The peak check of {@code validate}: over the coming week (UTC days from today), each warning of
 * {@link PeakReport} becomes a warning on the manifest of the first job it names.
 */
final class PeakWarnings {

    static final int DAYS = 7;

    private PeakWarnings() {}

    static ValidationReport add(ValidationReport report, FargateLimits limits, Instant now) {
        CalendarWindow window = new CalendarWindow(LocalDate.ofInstant(now, ZoneOffset.UTC), DAYS, ZoneOffset.UTC);
        PeakReport peaks = PeakReport.of(Calendar.of(report.jobs(), window), limits, 1);
        if (peaks.warnings().isEmpty()) {
            return report;
        }
        List<Violation> violations = new ArrayList<>(report.violations());
        for (PeakReport.Warning w : peaks.warnings()) {
            CalendarJob first = w.jobs().get(0);
            violations.add(Violation.warning(first.position(), first.ref(), "spec.schedule", "peak: " + w.message()));
        }
        violations.sort(Comparator.comparing((Violation v) -> v.position().file())
                .thenComparingInt(v -> v.position().line()).thenComparingInt(v -> v.position().column()));
        return new ValidationReport(report.jobs(), report.invalidJobNames(), violations);
    }
}
