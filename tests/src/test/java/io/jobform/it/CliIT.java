package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: apply --local twice, plan with the detailed exit code. */
class CliIT {
    @TempDir
    Path work;

    record Run(int exit, String out) {}

    private Run jobform(String... args) throws IOException, InterruptedException {
        return jobformWith(java.util.Map.of(), args);
    }

    private Run jobformWith(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jobform.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close(); // no input: a question on stdin reads end of input
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void applyLocalTwiceThenPlan() throws Exception {
        Sandbox.copyExamples(work.resolve("manifests"));

        Run first = jobform("apply", "--local");
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("created  StateMachine/jobform-nightly-report")
                .contains("Apply: 24 change(s) applied, 0 failed");
        assertThat(work.resolve(".jobform/local/emulator-state.json")).exists();

        Run second = jobform("apply", "--local");
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.out()).contains("0 change(s) applied").contains("24 unchanged")
                .contains("Everything is up to date.");

        Run clean = jobform("plan", "--local", "--detailed-exitcode");
        assertThat(clean.exit()).as(clean.out()).isZero();

        Path manifest = work.resolve("manifests/nightly-report.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("1.4.2", "1.5.0"));
        Run pending = jobform("plan", "--local", "--detailed-exitcode");
        assertThat(pending.exit()).as(pending.out()).isEqualTo(4);
        assertThat(pending.out()).contains("~ TaskDefinition/jobform-nightly-report: register a new revision")
                .contains("~ containerDefinitions[\"nightly-report\"].image: "
                        + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.4.2 → "
                        + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.5.0");

        Files.writeString(manifest, Files.readString(manifest).replace("memory: 1024", "memory: 1000"));
        Run invalid = jobform("plan", "--local", "--detailed-exitcode");
        assertThat(invalid.exit()).as(invalid.out()).isEqualTo(3);
        assertThat(invalid.out()).contains("nightly-report.yaml:").doesNotContain("Exception");
    }

    /**
     * Issue 18: a reviewer reads every changed field before and after, environment values masked,
     * tags by key, policies by path, the old and new next runs of a moved schedule, and a rename.
     */
    @Test
    void planShowsEachChangeBeforeAndAfter() throws Exception {
        Path manifests = work.resolve("manifests");
        Sandbox.copyExamples(manifests);
        Run applied = jobform("apply", "--local");
        assertThat(applied.exit()).as(applied.out()).isZero();

        Path report = manifests.resolve("nightly-report.yaml");
        Files.writeString(report, Files.readString(report).replace("1.4.2", "1.5.0")
                .replace("REPORT_BUCKET: finance-reports", "REPORT_BUCKET: finance-reports-eu")
                .replace("labels: {team: finance}", "labels: {team: reporting}")
                .replace("finance-reports/daily/*", "finance-reports/monthly/*")
                .replace("cron: \"0 5 * * *\"", "cron: \"30 6 * * *\""));
        Path sweep = manifests.resolve("thumbnail-sweep.yaml");
        Files.writeString(sweep, Files.readString(sweep).replace("name: thumbnail-sweep", "name: image-sweep"));

        Run plan = jobform("plan", "--local");
        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(plan.out()).contains(
                "~ containerDefinitions[\"nightly-report\"].image: "
                        + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.4.2 → "
                        + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.5.0",
                "~ containerDefinitions[\"nightly-report\"].environment[\"REPORT_BUCKET\"]: (changed; value not shown)",
                "~ tags[\"team\"]: finance → reporting",
                "~ InlinePolicies.permissions.Statement[0].Resource: [\"arn:aws:s3:::finance-reports/daily/*\"] → "
                        + "[\"arn:aws:s3:::finance-reports/monthly/*\"]",
                "~ ScheduleExpression: cron(0 5 * * ? *) → cron(30 6 * * ? *)",
                "Schedule/jobform-nightly-report now (Europe/Berlin): ",
                "Schedule/jobform-nightly-report new (Europe/Berlin): ",
                "+ ScheduledJob/image-sweep (renamed from thumbnail-sweep: same manifest file)",
                "- ScheduledJob/thumbnail-sweep (renamed to image-sweep)",
                "- StateMachine/jobform-thumbnail-sweep: delete (renamed to image-sweep)")
                .doesNotContain("finance-reports-eu").doesNotContain("(unknown)");

        Run json = jobform("plan", "--local", "-o", "json");
        assertThat(json.exit()).as(json.out()).isZero();
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out().substring(json.out().indexOf('{')));
        com.fasterxml.jackson.databind.JsonNode image = java.util.stream.StreamSupport
                .stream(root.get("changes").spliterator(), false)
                .filter(c -> c.get("resource").asText().equals("TaskDefinition/jobform-nightly-report")
                        && c.has("fields"))
                .flatMap(c -> java.util.stream.StreamSupport.stream(c.get("fields").spliterator(), false))
                .filter(f -> f.get("path").asText().endsWith(".image")).findFirst().orElseThrow();
        assertThat(image.get("before").asText()).endsWith("finance-report:1.4.2");
        assertThat(image.get("after").asText()).endsWith("finance-report:1.5.0");
        assertThat(root.get("renames").get(0).get("from").asText()).isEqualTo("thumbnail-sweep");
    }

    /** Issue 15 item 7: a prune limit that is not a plain whole number is a usage error, not the default 10. */
    @Test
    void aMalformedDeletionLimitIsAUsageError() throws Exception {
        Sandbox.copyExamples(work.resolve("manifests"));
        for (String bad : List.of(" 5", "abc")) {
            Run env = jobformWith(java.util.Map.of("JOBFORM_MAX_DELETIONS", bad), "plan", "--local");
            assertThat(env.exit()).as(env.out()).isEqualTo(2);
            assertThat(env.out()).contains("JOBFORM_MAX_DELETIONS must be a whole number from 0 to 100000, not '"
                    + bad + "'").doesNotContain("Exception");
        }
        Run flag = jobform("plan", "--local", "--max-deletions=-1");
        assertThat(flag.exit()).as(flag.out()).isEqualTo(2);
        assertThat(flag.out()).contains("--max-deletions must be a whole number from 0 to 100000, not '-1'");
    }

    @Test
    void destroyShowsThePlanAsksAndRemovesTheInstance() throws Exception {
        Path manifests = work.resolve("manifests");
        Sandbox.copyExamples(manifests);
        Files.writeString(manifests.resolve("backfill-orders.yaml"),
                Files.readString(manifests.resolve("backfill-orders.yaml")).replace("jobform.io/prune: \"false\"",
                        "jobform.io/prune: \"true\""));
        assertThat(jobform("apply", "--local").exit()).isZero();

        Run refused = jobform("destroy", "--local", "--confirm", "jobform");
        assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out()).contains("manifest(s) remain under").contains("refused; nothing deleted")
                .contains("# Role/jobform-execution");

        try (var files = Files.list(manifests)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Run dry = jobform("destroy", "--local", "--dry-run");
        assertThat(dry.exit()).as(dry.out()).isZero();
        assertThat(dry.out()).contains("- Schedule/jobform-nightly-report").contains("- Role/jobform-states")
                .contains("- ScheduleGroup/jobform").contains("Destroy: 24 resource(s) to delete.");
        assertThat(dry.out().indexOf("- Schedule/jobform-nightly-report"))
                .isLessThan(dry.out().indexOf("- Role/jobform-states"));

        // No terminal and no --confirm: standard input is empty, which is a no.
        Run declined = jobform("destroy", "--local");
        assertThat(declined.exit()).as(declined.out()).isEqualTo(1);
        assertThat(declined.out()).contains("not confirmed; nothing deleted");

        Run wrong = jobform("destroy", "--local", "--confirm", "other");
        assertThat(wrong.exit()).as(wrong.out()).isEqualTo(2);

        Run done = jobform("destroy", "--local", "--confirm", "jobform");
        assertThat(done.exit()).as(done.out()).isZero();
        assertThat(done.out()).contains("Destroy: 24 deleted, 0 failed.");
    }
}
