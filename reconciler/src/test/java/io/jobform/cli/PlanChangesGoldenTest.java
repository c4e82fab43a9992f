package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Network;
import io.jobform.plan.LastApplied;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.plan.PlanPolicy;
import io.jobform.plan.Planner;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.SpecValues;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Manifests applied as in {@code plan/fields/before}, then edited to {@code plan/fields/after}:
 * image, environment, labels (tags), permissions (policies), schedule and time zone changed, one
 * job renamed in its file, one renamed and moved. The plan is made by the real validator,
 * renderer and planner, with the applied records the reconciler writes; its three outputs are
 * compared with golden files.
 */
class PlanChangesGoldenTest {
    private static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");

    private static InstanceConfig config() {
        return new InstanceConfig("jobform", "aws", "us-east-1", "123456789012", "default",
                Optional.of(new Network(List.of("subnet-0a1b2c3d"), List.of("sg-0a1b2c3d"), false)),
                Optional.of("arn:aws:iam::123456789012:policy/jobform-boundary"));
    }

    private static ValidationReport validate(String side) throws IOException, URISyntaxException {
        Path dir = Path.of(PlanChangesGoldenTest.class.getResource("/plan/fields/" + side).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<ManifestFile> manifests = files.sorted().map(p -> new ManifestFile("manifests/" + p.getFileName(),
                    read(p))).toList();
            ValidationReport report = new Validator().validate(manifests, "jobform", NOW);
            assertThat(report.violations()).as(side).isEmpty();
            return report;
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What observation and the applied records say after the {@code before} manifests were applied. */
    private static ObservedResource applied(DesiredResource d) {
        return new ObservedResource(d.id(), "arn:" + d.id(), Optional.of(d.specHash()), true, d.job(),
                Optional.ofNullable(d.tags().get(OwnershipTags.MANIFEST)), true, List.of(),
                new LastApplied(SpecValues.of(d), Map.of()));
    }

    static ReconcileResult result() throws IOException, URISyntaxException {
        RenderResult before = Renderer.render(validate("before").jobs(), config());
        ValidationReport after = validate("after");
        RenderResult desired = Renderer.render(after.jobs(), config());
        assertThat(before.violations()).isEmpty();
        assertThat(desired.violations()).isEmpty();
        List<ObservedResource> observed = before.desired().resources().stream().map(d -> applied(d)).toList();
        Plan plan = new Planner(SpecValues::fields).plan(desired.desired().resources(), observed,
                PlanPolicy.defaults());
        return new ReconcileResult(Optional.empty(), Optional.of(after), Optional.of(desired), Optional.of(plan),
                Optional.empty(), 3, 3);
    }

    @ParameterizedTest
    @EnumSource(PlanPrinter.Format.class)
    void showsEveryChangedFieldBeforeAndAfter(PlanPrinter.Format format) throws Exception {
        String printed = PlanPrinter.print(result(), format, "manifests", "local emulator", NOW);
        String name = "/plan/fields." + format.name() + ".txt";
        if (Boolean.getBoolean("jobform.updateGolden")) {
            // Regenerate after an intended change: -Djobform.updateGolden=true, then review the diff.
            Files.writeString(Path.of("src/test/resources" + name), printed);
            return;
        }
        try (InputStream golden = getClass().getResourceAsStream(name)) {
            assertThat(golden).as("golden file %s", name).isNotNull();
            assertThat(printed).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
