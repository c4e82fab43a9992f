package io.jobform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

/**
 * A calendar case under src/test/resources/calendar/NAME: {@code jobs.yaml} (validated like any
 * manifest) and {@code case.properties} (from, days, zone, optional vcpu, spot and rate limits).
 */
record CalendarCases(Calendar calendar, PeakReport peaks) {

    static final Path DIR = Path.of("src/test/resources/calendar");

    static CalendarCases load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(DIR.resolve(name).resolve("case.properties"))) {
            p.load(r);
        }
        CalendarWindow window = new CalendarWindow(LocalDate.parse(p.getProperty("from")),
                Integer.parseInt(p.getProperty("days")), ZoneId.of(p.getProperty("zone")));
        ManifestFile file = new ManifestFile(name + "/jobs.yaml", Files.readAllBytes(DIR.resolve(name).resolve("jobs.yaml")));
        ValidationReport report = new Validator().validate(List.of(file), "jobform", window.start());
        assertThat(report.violations().stream().filter(v -> v.isError()).map(v -> v.format()).toList()).isEmpty();
        FargateLimits d = FargateLimits.AWS_DEFAULTS;
        FargateLimits limits = new FargateLimits(Double.parseDouble(p.getProperty("vcpu", "" + d.vcpuQuota())),
                Double.parseDouble(p.getProperty("spot", "" + d.spotVcpuQuota())),
                Integer.parseInt(p.getProperty("rate", "" + d.launchRate())));
        Calendar calendar = Calendar.of(report.jobs(), window);
        return new CalendarCases(calendar, PeakReport.of(calendar, limits, 5));
    }

    JobRuns runs(String job) {
        return calendar.runs().stream().filter(r -> r.job().name().equals(job)).findFirst().orElseThrow();
    }

    /** The job's starts inside the window as local times of the calendar's zone, e.g. {@code 2026-03-29T03:00}. */
    List<String> localStarts(String job) {
        return java.util.Arrays.stream(runs(job).starts()).filter(m -> m >= 0 && m < calendar.window().minutes())
                .mapToObj(m -> calendar.window().localOf(m).toLocalDateTime().toString()).toList();
    }

    HourCell cell(String date, int hour) {
        return calendar.cells().stream().filter(c -> c.date().toString().equals(date) && c.hour() == hour)
                .findFirst().orElseThrow();
    }
}
