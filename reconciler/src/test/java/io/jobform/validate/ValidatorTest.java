package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Architecture;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Path EXAMPLES = Path.of("../manifests");

    static List<ManifestFile> examples() throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            for (Path p : list.sorted().toList()) {
                files.add(new ManifestFile("manifests/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        return files;
    }

    static ManifestFile file(String key, String text) {
        return new ManifestFile(key, text.getBytes(StandardCharsets.UTF_8));
    }

    static String job(String name, String specLines) {
        return "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  container:\n    image: demo:1\n" + specLines;
    }

    static ValidationReport validate(ManifestFile... files) {
        return new Validator().validate(List.of(files), "jobform", NOW);
    }

    static ScheduledJob named(ValidationReport report, String name) {
        return report.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyExampleManifestIsValidWithoutWarnings() throws IOException {
        ValidationReport report = new Validator().validate(examples(), "jobform", NOW);
        assertThat(report.violations()).isEmpty();
        assertThat(report.jobs()).extracting(ScheduledJob::name).containsExactly("backfill-orders", "db-maintenance",
                "fetch-exchange-rates", "invoice-sync", "nightly-report", "thumbnail-sweep");
        assertThat(report.jobs()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void defaultsAreMergedIntoEachJobAndTheJobWins() throws IOException {
        ValidationReport report = new Validator().validate(examples(), "jobform", NOW);
        ScheduledJob nightly = named(report, "nightly-report");
        assertThat(nightly.labels()).containsExactly(Map.entry("cost-center", "4711"), Map.entry("owner", "platform"),
                Map.entry("team", "finance"));
        assertThat(nightly.spec().cluster()).contains("batch");
        assertThat(nightly.spec().network().orElseThrow().subnets())
                .containsExactly("subnet-0a1b2c3d4e5f67890", "subnet-0f9e8d7c6b5a43210");
        assertThat(nightly.spec().container().env()).containsOnlyKeys("LOG_FORMAT", "REPORT_BUCKET");
        assertThat(nightly.spec().container().cpu()).isEqualTo(512);
        assertThat(nightly.spec().retries().limit()).isEqualTo(2);
        assertThat(nightly.spec().retries().intervalSeconds()).isEqualTo(60);
        assertThat(nightly.spec().concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.FORBID);
        assertThat(nightly.spec().notifications().onFailure()).contains("arn:aws:sns:eu-west-1:123456789012:jobform-failures");
        assertThat(nightly.spec().schedule().orElseThrow().expression().awsExpression()).isEqualTo("cron(0 5 * * ? *)");
        assertThat(nightly.manifestKey()).isEqualTo("manifests/nightly-report.yaml");

        ScheduledJob invoices = named(report, "invoice-sync");
        // Lists are replaced, not appended.
        assertThat(invoices.spec().network().orElseThrow().subnets()).containsExactly("subnet-0c1d2e3f4a5b67890");
        assertThat(invoices.spec().notifications().onFailure()).contains("arn:aws:sns:us-east-1:123456789012:billing-oncall");

        ScheduledJob sweep = named(report, "thumbnail-sweep");
        assertThat(sweep.spec().capacity()).isEqualTo(Capacity.SPOT_WITH_FALLBACK);
        assertThat(sweep.spec().container().architecture()).isEqualTo(Architecture.ARM64);
        assertThat(named(report, "backfill-orders").spec().schedule()).isEmpty();
        assertThat(named(report, "backfill-orders").prunable()).isFalse();
        assertThat(named(report, "fetch-exchange-rates").spec().input().path("url").asText()).startsWith("https://");
    }

    @Test
    void builtInDefaultsApplyWithoutJobDefaults() {
        ScheduledJob job = named(validate(file("a.yaml", job("plain", ""))), "plain");
        assertThat(job.spec().timeoutSeconds()).isEqualTo(3600);
        assertThat(job.spec().concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.ALLOW);
        assertThat(job.spec().retries().limit()).isZero();
        assertThat(job.spec().retries().intervalSeconds()).isEqualTo(30);
        assertThat(job.spec().retries().backoffRate()).isEqualTo(2.0);
        assertThat(job.spec().container().cpu()).isEqualTo(256);
        assertThat(job.spec().container().memory()).isEqualTo(512);
        assertThat(job.spec().container().architecture()).isEqualTo(Architecture.X86_64);
        assertThat(job.spec().capacity()).isEqualTo(Capacity.ON_DEMAND);
        assertThat(job.spec().suspend()).isFalse();
        assertThat(job.spec().cluster()).isEmpty();
        assertThat(job.spec().network()).isEmpty();
    }

    @Test
    void sameNameInTwoFilesMakesBothInvalidWithBothPositions() {
        ValidationReport report = validate(file("a.yaml", job("twin", "")), file("b.yaml", job("twin", "")),
                file("c.yaml", job("single", "")));
        assertThat(report.jobs()).extracting(ScheduledJob::name).containsExactly("single");
        assertThat(report.invalidJobNames()).containsExactly("twin");
        assertThat(report.violations()).extracting(Violation::format).containsExactly(
                "a.yaml:4:9: error: metadata.name: job name 'twin' is also used at b.yaml:4:9",
                "b.yaml:4:9: error: metadata.name: job name 'twin' is also used at a.yaml:4:9");
    }

    @Test
    void aSecondJobDefaultsIsAnErrorOnBothAndFreezesEveryJob() {
        String defaults = "apiVersion: jobform.io/v1alpha1\nkind: JobDefaults\nspec: {cluster: batch}\n";
        ValidationReport report = validate(file("d1.yaml", defaults), file("d2.yaml", defaults),
                file("job.yaml", job("one", "")));
        assertThat(report.jobs()).isEmpty();
        assertThat(report.invalidJobNames()).containsExactly("one");
        assertThat(report.violations()).extracting(Violation::format).contains(
                "d1.yaml:2:7: error: kind: only one JobDefaults is allowed per manifest set; another one is at d2.yaml:1:1",
                "d2.yaml:2:7: error: kind: only one JobDefaults is allowed per manifest set; another one is at d1.yaml:1:1");
    }

    @Test
    void anInheritedBadValueIsReportedWhereTheDefaultsSetIt() {
        String defaults = "apiVersion: jobform.io/v1alpha1\nkind: JobDefaults\nspec:\n  container:\n    memory: 4096\n";
        ValidationReport report = validate(file("_defaults.yaml", defaults), file("job.yaml", job("small", "")));
        assertThat(report.invalidJobNames()).containsExactly("small");
        assertThat(report.violations()).extracting(Violation::format).containsExactly(
                "_defaults.yaml:5:13: error: spec.container.memory: memory 4096 MiB is not valid with cpu 256: "
                        + "Fargate allows 512, 1024 or 2048 MiB for cpu 256");
    }

    @Test
    void aSchemaInvalidJobWhoseNameIsReadableIsFrozen() {
        ValidationReport report = validate(file("a.yaml", job("broken", "  capacity: cheap\n")));
        assertThat(report.invalidJobNames()).containsExactly("broken");
        assertThat(report.violations()).singleElement().satisfies(v ->
                assertThat(v.subject()).isEqualTo("ScheduledJob/broken"));
    }

    @Test
    void aMisspeltKindStillFreezesTheJobAndUnreadableFilesAreListed() {
        // broken.yaml was a job's manifest last time: it is not taken for a JobDefaults.
        ValidationReport report = new Validator().validate(List.of(
                file("typo.yaml", job("kept", "").replace("kind: ScheduledJob", "kind: ScheduleJob")),
                file("broken.yaml", "metadata: {name: [unclosed\n"),
                file("fine.yaml", job("fine", ""))), "jobform", NOW, s -> s, Set.of("broken.yaml"));
        assertThat(report.invalidJobNames()).containsExactly("kept");
        assertThat(report.invalidManifestKeys()).containsExactly("broken.yaml", "typo.yaml");
        assertThat(report.unattributed()).containsExactly("broken.yaml");
        assertThat(report.jobs()).extracting(ScheduledJob::name).containsExactly("fine");
    }

    @Test
    void namesThatCollideWithTheDeploymentOrAnotherInstanceAreReserved() {
        ValidationReport resync = validate(file("r.yaml", job("resync", "")));
        assertThat(resync.violations()).extracting(Violation::message).containsExactly("job name 'resync' is reserved "
                + "(the deployment's periodic resync is the schedule jobform-resync in group default, where a kept "
                + "job's schedule moves)");
        ValidationReport other = validate(file("x.yaml", job("x-execution", "")));
        assertThat(other.violations()).extracting(Violation::message).containsExactly("job name 'x-execution' gives "
                + "the role jobform-x-execution, the name of the shared execution role of an instance named jobform-x "
                + "(IAM role names are unique per account); choose a name that does not end in -execution");
        assertThat(validate(file("ok.yaml", job("execution-report", ""))).valid()).isTrue();
    }

    @Test
    void anUnreadableFileThatMayBeTheJobDefaultsFreezesEveryJob() {
        for (String defaults : List.of("kind: JobDefaults\nspec: {cluster: [x\n", "kind: JobDefault\nspec: {}\n",
                "spec: {cluster: x}\n")) {
            ValidationReport report = validate(file("_defaults.yaml", defaults), file("fine.yaml", job("fine", "")));
            assertThat(report.jobs()).isEmpty();
            assertThat(report.invalidJobNames()).containsExactly("fine");
            assertThat(report.violations()).extracting(Violation::format).contains("fine.yaml:1:1: error: not "
                    + "reconciled while _defaults.yaml cannot be read: it may be the JobDefaults of this manifest set");
        }
        // A readable JobDefaults elsewhere: the broken file is not it, and the job proceeds.
        ValidationReport report = validate(file("_defaults.yaml", "apiVersion: jobform.io/v1alpha1\nkind: JobDefaults\n"
                + "metadata: {name: d}\nspec: {}\n"), file("x.yaml", "kind: [\n"), file("fine.yaml", job("fine", "")));
        assertThat(report.jobs()).extracting(ScheduledJob::name).containsExactly("fine");
        assertThat(report.unattributed()).containsExactly("x.yaml");
    }

    @Test
    void anUnstorableValueFreezesOnlyItsJob() {
        // The file reads as YAML and names its job: one bad value is that job's error, not an
        // unreadable file that might be the JobDefaults (which would freeze every job).
        ValidationReport report = validate(file("broken.yaml", job("broken", "    env: {GREETING: \"a\\uD800b\"}\n")),
                file("fine.yaml", job("fine", "")));
        assertThat(report.jobs()).extracting(ScheduledJob::name).containsExactly("fine");
        assertThat(report.invalidJobNames()).containsExactly("broken");
        assertThat(report.unattributed()).isEmpty();
        assertThat(report.violations()).extracting(Violation::format).containsExactly("broken.yaml:8:21: error: "
                + "spec.container.env.GREETING: the value holds an unpaired UTF-16 surrogate (an escape such as \\uD800): "
                + "no text in AWS or in the local state can store it; write the character itself or a complete pair");
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedWithoutParsing() {
        byte[] big = new byte[256 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) '#');
        ValidationReport report = new Validator().validate(List.of(new ManifestFile("big.yaml", big)), "jobform", NOW);
        assertThat(report.violations()).extracting(Violation::format)
                .containsExactly("big.yaml:1:1: error: file is 262145 bytes; manifests are limited to 262144 bytes (256 KiB)");
    }

    @Test
    void generatedNamesMustFitAwsLimitsForTheInstance() {
        String name = "a".repeat(40);
        ValidationReport report = new Validator().validate(List.of(file("a.yaml", job(name, ""))),
                "instance-with-24-chars-x", NOW);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("metadata.name");
            assertThat(v.message()).contains("IAM role name").contains("65 characters; AWS allows 64");
        });
    }

    @Test
    void warningsKeepAJobValid() {
        ValidationReport report = validate(
                file("dst.yaml", job("dst", "  schedule: {cron: \"30 2 * * *\", timezone: Europe/Berlin}\n")),
                file("often.yaml", job("often", "  schedule: {cron: \"*/2 * * * *\"}\n")),
                file("rate.yaml", job("rate", "  schedule: {rate: 1m}\n")),
                file("env.yaml", job("env", "    env: {DB_PASSWORD: correct-horse-battery}\n")),
                file("past.yaml", job("past", "  schedule: {cron: \"0 8 1 1 ? 2020\"}\n")));
        assertThat(report.valid()).isTrue();
        assertThat(report.jobs()).hasSize(5);
        assertThat(report.violations()).allMatch(v -> !v.isError()).extracting(Violation::format).containsExactly(
                "dst.yaml:8:20: warning: spec.schedule.cron: 2026-10-25T02:30 happens twice in Europe/Berlin "
                        + "(clocks move back): the job runs only once",
                "dst.yaml:8:20: warning: spec.schedule.cron: 2027-03-28T02:30 does not exist in Europe/Berlin "
                        + "(clocks move forward): that run is skipped",
                "env.yaml:8:24: warning: spec.container.env.DB_PASSWORD: 'DB_PASSWORD' looks like a secret; env values "
                        + "are stored in plain text in the task definition: reference it from container.secrets instead",
                "often.yaml:8:20: warning: spec.schedule.cron: fires every 2 minute(s), more often than every 5 minutes: "
                        + "runs may overlap and each run costs a task start",
                "past.yaml:8:20: warning: spec.schedule.cron: the schedule has no run after 2026-06-01T00:00:00Z "
                        + "(past year or end date?)",
                "rate.yaml:8:20: warning: spec.schedule.rate: fires every 1 minute(s), more often than every 5 minutes: "
                        + "runs may overlap and each run costs a task start");
    }

    @Test
    void violationsAreSortedByFileLineAndColumn() {
        ValidationReport report = validate(file("b.yaml", job("b", "  capacity: x\n  timeoutSeconds: 1\n")),
                file("a.yaml", job("a", "  suspend: 1\n")));
        List<String> places = report.violations().stream().map(v -> v.position().toString()).toList();
        assertThat(places).containsExactly("a.yaml:8:12", "b.yaml:8:13", "b.yaml:9:19");
    }
}
