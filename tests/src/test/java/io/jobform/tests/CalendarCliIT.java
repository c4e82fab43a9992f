package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code jobform calendar} and the peak check as a user runs them: each output format of the
 * calendar over the example manifests (a week holding Europe/Berlin's return to standard time),
 * the peak warning of validate, the peak table of a Markdown plan, and bad input.
 */
class CalendarCliIT {

    @TempDir
    Path work;

    private JobformProcess.Run calendar(String format) throws Exception {
        return new JobformProcess(ValidateCliIT.ROOT, Map.of()).run("calendar", "manifests/", "--from", "2026-10-22",
                "--zone", "Europe/Berlin", "-o", format);
    }

    @Test
    void text() throws Exception {
        JobformProcess.Run run = calendar("text");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("jobform calendar: 2026-10-22 .. 2026-10-28 (7 day(s)) in Europe/Berlin, "
                + "5 scheduled job(s)").contains("Busiest minutes").contains("Fargate on-demand: up to ")
                .contains("Starts per hour of day (Europe/Berlin, all days):")
                .containsPattern("\n  02 \\|#+ 104\n").contains("2026-10-25: Europe/Berlin -1h at 03:00");
    }

    @Test
    void json() throws Exception {
        JobformProcess.Run run = calendar("json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("window").path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(root.path("jobs")).extracting(j -> j.path("name").asText()).containsExactly("db-maintenance",
                "fetch-exchange-rates", "invoice-sync", "nightly-report", "thumbnail-sweep");
        JsonNode repeated = null;
        for (JsonNode cell : root.path("cells")) {
            if (cell.path("date").asText().equals("2026-10-25") && cell.path("hour").asInt() == 2) {
                repeated = cell;
            }
        }
        assertThat(repeated).isNotNull();
        assertThat(repeated.path("clock").asText()).isEqualTo("repeated");
        assertThat(repeated.path("starts").asInt()).isEqualTo(26); // 02:00-02:59 twice: 2 x (12 + 1)
        assertThat(root.path("limits").path("fargateVcpuQuota").asDouble()).isEqualTo(6);
        assertThat(root.path("load").path("onDemand").path("exceedsQuota").asBoolean()).isFalse();
    }

    @Test
    void svgIsWellFormedWithACellPerDayAndHourInEachGrid() throws Exception {
        JobformProcess.Run run = calendar("svg");
        assertThat(run.code()).as(run.err()).isZero();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(run.out().split("<g class=\"cell\"", -1)).hasSize(2 * 7 * 24 + 1);
        assertThat(run.out()).contains("nightly-report").contains(">DST</text>");
    }

    @Test
    void htmlIsOnePageWithNothingToFetch() throws Exception {
        JobformProcess.Run run = calendar("html");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<svg").contains("<h2>Busiest minutes</h2>")
                .contains("<td>thumbnail-sweep</td>");
        assertThat(run.out()).doesNotContainPattern("(?i)<script|<link|<img|src=|url\\(http|@import");
    }

    @Test
    void badOptionsAndManifests() throws Exception {
        JobformProcess p = new JobformProcess(work, Map.of());
        Files.writeString(work.resolve("bad.yaml"), """
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: bad
                spec:
                  schedule: {cron: "0 2 * * *", timezone: Europe/Berln}
                  container: {image: "demo:1"}
                """);
        JobformProcess.Run zone = p.run("calendar", ".", "--zone", "Mars/Base");
        assertThat(zone.code()).isEqualTo(2);
        assertThat(zone.err()).isEqualTo("jobform calendar: --zone Mars/Base: not a time zone (use an IANA name such as "
                + "Europe/Berlin, or UTC)\n");
        JobformProcess.Run day = p.run("calendar", ".", "--from", "2026-13-01");
        assertThat(day.code()).isEqualTo(2);
        assertThat(day.err()).contains("--from 2026-13-01: not a date (use yyyy-mm-dd)");
        JobformProcess.Run invalid = p.run("calendar", ".");
        assertThat(invalid.code()).isEqualTo(3);
        assertThat(invalid.err()).contains("bad.yaml:6:43: error: spec.schedule.timezone")
                .contains("1 invalid job(s) left out").doesNotContain("Exception");
        assertThat(invalid.out()).contains("0 scheduled job(s)");
    }

    @Test
    void validateWarnsOfAStartPeakAndItsLimitFollowsTheSetting() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            yaml.append(i == 0 ? "" : "---\n").append("apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n"
                    + "  name: nightly-").append(i).append("\nspec:\n  schedule: {cron: \"0 2 * * *\"}\n"
                    + "  container: {image: \"demo:1\", cpu: 256, memory: 512}\n");
        }
        Files.writeString(work.resolve("nightly.yaml"), yaml);
        JobformProcess.Run run = new JobformProcess(work, Map.of()).run("validate", ".");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        // Warnings are the human text of what is wrong: stderr; the summary stays on stdout.
        assertThat(run.out()).contains("1 warning(s)").doesNotContain("peak:");
        assertThat(run.err()).containsPattern("nightly\\.yaml:1:1: warning: spec\\.schedule: peak: 21 runs start at "
                + "\\d{4}-\\d\\d-\\d\\d 02:00 \\+00:00 without a flexible window \\(nightly-0, ")
                .contains("spread them with spec.schedule.jitterMinutes");
        JobformProcess.Run raised = new JobformProcess(work, Map.of("JOBFORM_FARGATE_LAUNCH_RATE", "25")).run("validate", ".");
        assertThat(raised.out() + raised.err()).doesNotContain("peak:");
        JobformProcess.Run quota = new JobformProcess(work, Map.of("JOBFORM_FARGATE_LAUNCH_RATE", "25"))
                .run("validate", ".", "--fargate-vcpu-quota", "5");
        assertThat(quota.err()).contains("peak: up to 5.25 vCPU and 10.5 GiB of on-demand Fargate may run at once")
                .contains("above the on-demand vCPU quota of 5 (--fargate-vcpu-quota)");
        JobformProcess.Run wrong = new JobformProcess(work, Map.of("JOBFORM_FARGATE_VCPU_QUOTA", "lots")).run("validate", ".");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("jobform validate: JOBFORM_FARGATE_VCPU_QUOTA='lots' is not a number\n");
    }

    @Test
    void aMarkdownPlanShowsThePeaksOfChangedSchedules() throws Exception {
        Files.createDirectories(work.resolve("manifests"));
        try (var files = Files.list(ValidateCliIT.ROOT.resolve("manifests"))) {
            for (Path f : files.toList()) {
                Files.copy(f, work.resolve("manifests").resolve(f.getFileName()));
            }
        }
        JobformProcess p = new JobformProcess(work, Map.of());
        JobformProcess.Run plan = p.run("plan", "--local", "--format", "markdown");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("#### Start peaks of changed schedules (next 7 days, UTC)")
                .contains("| Minute | Starts | At once (no jitter) | vCPU | Memory | Jobs |")
                .contains("**fetch-exchange-rates**").contains("Fargate on-demand: up to ");
        assertThat(p.run("apply", "--local").code()).isZero();
        JobformProcess.Run none = p.run("plan", "--local", "--format", "markdown");
        assertThat(none.out()).doesNotContain("Start peaks");
    }
}
