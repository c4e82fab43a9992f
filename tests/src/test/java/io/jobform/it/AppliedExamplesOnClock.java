package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.sfn.StepFunctionsService;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.ScheduledJob;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The example manifests applied once to a {@link Sandbox} whose emulator runs on an
 * {@link OffsetClock}, and the example jobs read from the folder: what the tests that run the
 * examples end to end share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppliedExamplesOnClock {
    static final Path EXAMPLES = Sandbox.repoRoot().resolve("manifests");

    final OffsetClock clock = new OffsetClock();
    Sandbox sandbox;

    @BeforeAll
    void apply(@TempDir Path work) {
        sandbox = new Sandbox(work, EmulatorOptions.defaults().withClock(clock));
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
    }

    @AfterAll
    void close() {
        sandbox.close();
    }

    /** Every ScheduledJob in the examples folder, JobDefaults applied. */
    static List<ScheduledJob> examples() throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new ManifestFile("manifests/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        ValidationReport report = new Validator().validate(files, "jobform");
        assertThat(report.valid()).as(report.violations().toString()).isTrue();
        assertThat(report.jobs()).isNotEmpty();
        return report.jobs();
    }

    /** The examples a case applies to, as (name, job) arguments. */
    static Stream<Arguments> examples(Predicate<ScheduledJob> which) throws IOException {
        return examples().stream().filter(which).map(j -> Arguments.of(j.name(), j));
    }

    StepFunctionsService states() {
        return sandbox.emulator.service(StepFunctionsService.class);
    }

    /** Starts a run as its schedule would, now, and moves the emulator two days on: every example run ends by then. */
    ExampleRun runToTheEnd(ScheduledJob job, String name) {
        ExampleRun run = ExampleRun.start(sandbox, job, name, clock.instant());
        clock.advance(Duration.ofDays(2));
        return run;
    }
}
