package io.jobform.cli;

import io.jobform.aws.ExecutionClient;
import io.jobform.aws.LiveReads;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.StatusObjects;
import io.jobform.config.StateKeys;
import io.jobform.calendar.Calendar;
import io.jobform.calendar.CalendarWindow;
import io.jobform.calendar.FargateLimits;
import io.jobform.calendar.PeakReport;
import io.jobform.operate.JobOperations;
import io.jobform.operate.OperateException;
import io.jobform.report.StatusPage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobform report -o html}: the instance's status as one page, with the calendar. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML page: every job with its validation state, last result, next "
                + "runs, errors of frozen jobs and console links, then the calendar of the manifests. Reads the status "
                + "objects, one ListExecutions per deployed job, and the manifests.")
public final class ReportCommand implements Callable<Integer> {

    enum Format { html }

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Mixin
    LimitOptions limits;

    @Option(names = {"-o", "--output"}, defaultValue = "html", description = "html (the only format).")
    Format output;

    @Option(names = "--days", defaultValue = "7", description = "Days of the calendar, 1..62 (default: 7).")
    int days;

    @Option(names = "--zone", defaultValue = "UTC", description = "Time zone of the calendar (default: UTC).")
    String zone;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant now = Instant.now();
        try {
            ZoneId zoneId = CalendarCommand.zone(zone);
            CalendarWindow window = new CalendarWindow(LocalDate.ofInstant(now, zoneId), days, zoneId);
            FargateLimits fargate = limits.resolve(System.getenv());
            try (Engine session = Engine.open(engine, err::println)) {
                ObjectStore store = new ObjectStore(session.clients.s3, session.settings.bucket().orElseThrow());
                JobOperations operations = new JobOperations(new StatusObjects(store, StateKeys.of(session.settings.instance())),
                        new ExecutionClient(session.clients.sfn), session.settings.instance(),
                        new LiveReads(session.clients, session.settings.instance(), store));
                List<StatusPage.Entry> entries = operations.jobs(now).stream()
                        .map(row -> new StatusPage.Entry(row, row.status().schedule()
                                .map(s -> s.next(now, 5, row.status().lastReconciled())).orElse(List.of())))
                        .toList();
                ValidatedManifests manifests = ValidatedManifests.read(session, now);
                Calendar calendar = Calendar.of(manifests.report().jobs(), window);
                out.print(StatusPage.html(session.settings.instance(), entries, calendar,
                        PeakReport.of(calendar, fargate, CalendarCommand.TOP_PEAKS), now));
                out.flush();
                return ExitCodes.OK;
            }
        } catch (OperateException e) {
            err.println("jobform report: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("jobform report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
