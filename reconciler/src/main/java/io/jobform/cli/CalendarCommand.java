package io.jobform.cli;

import io.jobform.calendar.Calendar;
import io.jobform.calendar.CalendarHtml;
import io.jobform.calendar.CalendarJson;
import io.jobform.calendar.CalendarSvg;
import io.jobform.calendar.CalendarText;
import io.jobform.calendar.CalendarWindow;
import io.jobform.calendar.FargateLimits;
import io.jobform.calendar.PeakReport;
import io.jobform.manifest.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform calendar}: when the jobs fire, as a heat-map, with the Fargate peak check. */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "Shows when jobs start: a heat-map of run starts per day and hour (time zones, DST days, jitter "
                + "windows, suspended jobs, start and end dates), the busiest minutes and the Fargate vCPU that "
                + "overlapping runs may hold. Exit 0, 3 when some manifests are invalid (left out), 2 usage error.")
public final class CalendarCommand implements Callable<Integer> {

    enum Format { text, json, svg, html }

    static final int TOP_PEAKS = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Manifest files or directories (default: --source, "
            + "$JOBFORM_SOURCE or manifests/).")
    List<Path> paths = List.of();

    @Mixin
    EngineOptions engine;

    @Mixin
    LimitOptions limits;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-mm-dd (default: today in --zone).")
    Optional<String> from = Optional.empty();

    @Option(names = "--days", defaultValue = "7", description = "Number of days, 1..62 (default: 7).")
    int days;

    @Option(names = "--zone", defaultValue = "UTC", description = "Time zone of the picture (default: UTC).")
    String zone;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json, svg or html.")
    Format output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CalendarWindow window;
        FargateLimits fargate;
        ValidatedManifests manifests;
        try {
            ZoneId zoneId = zone(zone);
            window = new CalendarWindow(from.map(CalendarCommand::date).orElse(LocalDate.now(zoneId)), days, zoneId);
            fargate = limits.resolve(System.getenv());
            manifests = ValidatedManifests.read(paths, engine, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("jobform calendar: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        manifests.report().violations().stream().filter(Violation::isError).forEach(v -> err.println(v.format()));
        Calendar calendar = Calendar.of(manifests.report().jobs(), window);
        PeakReport peaks = PeakReport.of(calendar, fargate, TOP_PEAKS);
        switch (output) {
            case json -> out.println(CalendarJson.render(calendar, peaks).toPrettyString());
            case svg -> out.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + CalendarSvg.render(calendar));
            case html -> out.print(CalendarHtml.page(calendar, peaks));
            default -> out.print(CalendarText.render(calendar, peaks));
        }
        out.flush();
        if (!manifests.report().valid()) {
            err.println("jobform calendar: " + manifests.report().invalidJobNames().size() + " invalid job(s) left out ("
                    + manifests.report().errorCount() + " error(s))");
            return ExitCodes.INVALID_MANIFESTS;
        }
        return ExitCodes.OK;
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone " + id + ": not a time zone (use an IANA name such as "
                    + "Europe/Berlin, or UTC)");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--from " + text + ": not a date (use yyyy-mm-dd)");
        }
    }
}
