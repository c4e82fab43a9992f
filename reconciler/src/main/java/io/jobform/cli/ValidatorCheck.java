package io.jobform.cli;

import io.jobform.manifest.Violation;
import io.jobform.manifest.YamlLimits;
import io.jobform.sync.ManifestCheck;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The gate of {@code jobform sync}: the same validation as {@code jobform validate}. */
public final class ValidatorCheck implements ManifestCheck {

    private final Clock clock;

    public ValidatorCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Result check(Path dir, String instance) throws IOException {
        ManifestFiles.Local local = ManifestFiles.read(List.of(dir), YamlLimits.DEFAULT.maxBytes());
        ValidationReport report = new Validator().validate(local.files(), instance, clock.instant(), local.keys());
        List<String> lines = report.violations().stream().map(Violation::format).toList();
        return new Result(report.valid(), local.files().size(), lines);
    }
}
