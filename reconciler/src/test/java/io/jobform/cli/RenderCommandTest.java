package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.CanonicalJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rendersOneExampleJobWithItsHashes() {
        Run r = run("render", "../manifests", "--job", "nightly-report", "--account", "210987654321",
                "--region", "eu-central-1");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        var doc = CanonicalJson.parse(r.out());
        assertThat(doc.has("TaskDefinition/jobform-nightly-report")).isTrue();
        assertThat(doc.has("TaskDefinition/jobform-invoice-sync")).isFalse();
        assertThat(doc.path("Schedule/jobform-nightly-report").path("request").path("Target").path("Arn").asText())
                .isEqualTo("arn:aws:states:eu-central-1:210987654321:stateMachine:jobform-nightly-report");
        assertThat(doc.path("Role/jobform-states").path("specHash").asText()).matches("[0-9a-f]{16}");
    }

    /**
     * What a reconcile renders from the same folder (files named by their keys, relative to the
     * folder, as DirectoryManifestSource and S3 name them) has the same hashes and manifest tag.
     */
    @Test
    void rendersWhatApplySends() throws IOException {
        Run r = run("render", "../manifests", "--account-id", "210987654321", "--region", "eu-central-1",
                "--cluster", "batch", "--subnets", "subnet-1", "--security-groups", "sg-1");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        var printed = CanonicalJson.parse(r.out());
        java.util.List<io.jobform.manifest.ManifestFile> files = new java.util.ArrayList<>();
        try (var walk = java.nio.file.Files.list(Path.of("../manifests"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new io.jobform.manifest.ManifestFile(f.getFileName().toString(),
                        java.nio.file.Files.readAllBytes(f)));
            }
        }
        var report = new io.jobform.validate.Validator().validate(files, "jobform", java.time.Instant.now());
        var config = new io.jobform.config.InstanceConfig("jobform", "aws", "eu-central-1", "210987654321", "batch",
                java.util.Optional.of(new io.jobform.manifest.Network(java.util.List.of("subnet-1"),
                        java.util.List.of("sg-1"), false)), java.util.Optional.empty());
        var desired = io.jobform.render.Renderer.render(report.jobs(), config).desired().resources();
        assertThat(desired).isNotEmpty();
        for (var resource : desired) {
            assertThat(printed.path(resource.id().toString()).path("specHash").asText()).as(resource.id().toString())
                    .isEqualTo(resource.specHash());
        }
        assertThat(printed.path("StateMachine/jobform-nightly-report").path("request").path("tags").toString())
                .contains("{\"key\":\"jobform.io/manifest\",\"value\":\"nightly-report.yaml\"}");
    }

    /**
     * With no cluster configured, apply's settings (Settings.resolve, no --local) carry none: a job
     * that names no cluster is the renderer's error there, so render reports exactly that error,
     * and renders the other jobs with the hashes apply computes.
     */
    @Test
    void rendersWhatApplySendsWhenNoClusterIsConfigured(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("homeless.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata: {name: homeless}
                spec:
                  container: {image: busybox, cpu: 256, memory: 512}
                  network: {subnets: [subnet-0a1b2c3d4e5f67890], securityGroups: [sg-0123456789abcdef0]}
                """);
        Run r = run("render", dir.toString(), "--account-id", "210987654321", "--region", "eu-central-1");
        var settings = Settings.resolve(new EngineOptions(), java.util.Map.of("JOBFORM_ACCOUNT_ID", "210987654321"));
        assertThat(settings.cluster()).isEmpty();
        var files = java.util.List.of(new io.jobform.manifest.ManifestFile("homeless.yaml",
                Files.readAllBytes(dir.resolve("homeless.yaml"))));
        var report = new io.jobform.validate.Validator().validate(files, "jobform", java.time.Instant.now());
        var applied = io.jobform.render.Renderer.render(report.jobs(), settings.config("eu-central-1"));
        assertThat(applied.violations()).as(report.violations().toString()).isNotEmpty();
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        // Render names a file by its path, a reconcile by its key under the source folder.
        assertThat(r.err().lines().toList()).containsExactlyElementsOf(applied.violations().stream()
                .map(v -> dir.resolve(v.format()).toString()).toList());
        assertThat(r.err()).contains("spec.cluster").contains("ScheduledJob/homeless");
        assertThat(r.out()).isEmpty();

        Files.writeString(dir.resolve("homeless.yaml"), Files.readString(dir.resolve("homeless.yaml"))
                + "  cluster: own\n");
        Run own = run("render", dir.toString(), "--account-id", "210987654321", "--region", "eu-central-1");
        assertThat(own.code()).as(own.err()).isEqualTo(ExitCodes.OK);
        files = java.util.List.of(new io.jobform.manifest.ManifestFile("homeless.yaml",
                Files.readAllBytes(dir.resolve("homeless.yaml"))));
        report = new io.jobform.validate.Validator().validate(files, "jobform", java.time.Instant.now());
        var printed = CanonicalJson.parse(own.out());
        for (var resource : io.jobform.render.Renderer.render(report.jobs(), settings.config("eu-central-1"))
                .desired().resources()) {
            assertThat(printed.path(resource.id().toString()).path("specHash").asText()).as(resource.id().toString())
                    .isEqualTo(resource.specHash());
        }
    }

    @Test
    void yamlFormatAndInstanceName() {
        Run r = run("render", "../manifests", "--format", "yaml", "--instance", "batch");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("StateMachine/batch-nightly-report:").contains("/jobform/batch/batch-states");
    }

    @Test
    void invalidManifestPrintsItsErrorsAndExits3(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata: {name: bad}
                spec:
                  container: {image: busybox, cpu: 256, memory: 3}
                """);
        Run r = run("render", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        assertThat(r.err()).contains("bad.yaml:").contains("error").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jobWithoutNetworkIsARenderError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lonely.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata: {name: lonely}
                spec:
                  container: {image: busybox, cpu: 256, memory: 512}
                """);
        Run r = run("render", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        assertThat(r.err()).contains("lonely.yaml:").contains("spec.network").contains("ScheduledJob/lonely");
    }

    @Test
    void theFallbackNetworkTakesAPublicIpFlagReadStrictly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lonely.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata: {name: lonely}
                spec:
                  cluster: jobs
                  container: {image: busybox, cpu: 256, memory: 512}
                """);
        Run enabled = run("render", dir.toString(), "--subnets", "subnet-1", "--assign-public-ip", "true");
        assertThat(enabled.code()).as(enabled.err()).isZero();
        assertThat(enabled.out()).contains("\"AssignPublicIp\" : \"ENABLED\"").doesNotContain("DISABLED");
        Run off = run("render", dir.toString(), "--subnets", "subnet-1");
        assertThat(off.out()).contains("\"AssignPublicIp\" : \"DISABLED\"").doesNotContain("ENABLED");
        Run typo = run("render", dir.toString(), "--subnets", "subnet-1", "--assign-public-ip", "yes");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("--assign-public-ip must be true or false, not 'yes'");
        Run badName = run("render", dir.toString(), "--instance", "Team_A");
        assertThat(badName.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.err()).contains("--instance: instance name 'Team_A' must match");
    }

    @Test
    void unknownJobIsAUsageError() {
        Run r = run("render", "../manifests", "--job", "no-such-job");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("ScheduledJob/no-such-job");
    }

    @Test
    void partitionFollowsTheRegion() {
        assertThat(RenderCommand.partition("cn-north-1")).isEqualTo("aws-cn");
        assertThat(RenderCommand.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
        assertThat(RenderCommand.partition("eu-west-1")).isEqualTo("aws");
    }
}
