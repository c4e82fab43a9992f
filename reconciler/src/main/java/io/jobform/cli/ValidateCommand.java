package io.jobform.cli;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.YamlLimits;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform validate}: checks manifests like a compiler, touching nothing in AWS. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates job manifests (schema, YAML safety, schedules, Fargate sizes, names, ARNs, "
                + "permission guardrails). Exit 0 valid, 3 invalid, 2 usage error.")
public final class ValidateCommand implements Callable<Integer> {


    enum Format { text, json, github }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Manifest files or directories (recursive, "
            + "*.yaml and *.yml). Default: manifests/")
    List<Path> paths = List.of();

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "text",
            description = "text, json or github (workflow annotations) (--format: the old name).")
    Format format;

    @Option(names = "--show-schedule", description = "Print the next 5 fire times of every valid job in its time zone.")
    boolean showSchedule;

    @Option(names = "--instance", description = "Instance name the AWS names are built with (default: "
            + "$JOBFORM_INSTANCE or jobform).")
    Optional<String> instance = Optional.empty();

    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String instanceName = instance.or(() -> Optional.ofNullable(System.getenv("JOBFORM_INSTANCE")))
                .filter(s -> !s.isBlank()).orElse(InstanceConfig.DEFAULT_INSTANCE);
        Optional<String> badName = InstanceConfig.nameProblem(instance.isPresent() ? "--instance" : "JOBFORM_INSTANCE",
                instanceName);
        if (badName.isPresent()) {
            err.println("jobform validate: " + badName.get());
            return ExitCodes.USAGE;
        }
        io.jobform.calendar.FargateLimits fargate;
        try {
            fargate = limits.resolve(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("jobform validate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Path> targets = paths.isEmpty() ? List.of(Path.of("manifests")) : paths;
        for (Path target : targets) {
            if (!Files.exists(target)) {
                err.println("jobform validate: " + target + ": no such file or directory");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        ManifestFiles.Local local = ManifestFiles.read(targets, YamlLimits.DEFAULT.maxBytes());
        List<ManifestFile> files = local.files();
        Instant now = Instant.now();
        ValidationReport report = PeakWarnings.add(new Validator().validate(files, instanceName, now, local.keys()),
                fargate, now);
        PrintWriter out = spec.commandLine().getOut();
        if (format != Format.github) {
            // The annotations are GitHub's form of these lines; JSON and the summary are the report.
            ReportPrinter.violations(report, err);
        }
        switch (format) {
            case json -> out.println(ReportPrinter.json(report, files.size(), showSchedule, now));
            case github -> ReportPrinter.github(report, files.size(), out);
            default -> ReportPrinter.text(report, files.size(), showSchedule, now, out);
        }
        out.flush();
        return report.valid() ? ExitCodes.OK : ExitCodes.INVALID_MANIFESTS;
    }
}
