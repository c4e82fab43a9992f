package io.jobform.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobform report -o html} after a reconcile that froze a job, opened in headless Chromium
 * (Debian's {@code chromium}, which .ci/run installs): the page renders without console
 * messages, and the rendered DOM holds the job names, the frozen job's error and the heat-map.
 * Skipped, saying so, where no Chromium is installed.
 */
class ReportBrowserIT {

    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--enable-logging=stderr", "--v=0");

    @TempDir
    Path work;

    @Test
    void theStatusPageRendersInChromium() throws Exception {
        Path manifests = Files.createDirectories(work.resolve("manifests"));
        try (var files = Files.list(ValidateCliIT.ROOT.resolve("manifests"))) {
            for (Path f : files.toList()) {
                Files.copy(f, manifests.resolve(f.getFileName()));
            }
        }
        JobformProcess jobform = new JobformProcess(work, Map.of());
        assertThat(jobform.run("apply", "--local").code()).isZero();
        Path nightly = manifests.resolve("nightly-report.yaml");
        Files.writeString(nightly, Files.readString(nightly).replace("memory: 1024", "memory: 3000"));
        assertThat(jobform.run("apply", "--local").code()).isEqualTo(3); // the job is frozen
        JobformProcess.Run report = jobform.run("report", "--local", "-o", "html");
        assertThat(report.code()).as(report.err()).isZero();
        String frozenError = "memory 3000 MiB is not valid with cpu 512";
        assertThat(report.out()).contains("invalid (frozen)").contains(frozenError);
        Path page = work.resolve("report.html");
        Files.writeString(page, report.out());

        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed (Debian: apt-get install chromium; "
                + ".ci/run installs it): the browser check of the report page is skipped");
        // The console check can fail: a page that logs an error is seen doing so.
        Path noisy = work.resolve("noisy.html");
        Files.writeString(noisy, "<!DOCTYPE html><html><body><script>console.error('seen');</script></body></html>");
        assertThat(consoleLines(open(chromium.get(), noisy, "noisy"))).singleElement().asString().contains("\"seen\"");

        Loaded loaded = open(chromium.get(), page, "report");
        assertThat(consoleLines(loaded)).isEmpty();
        String dom = loaded.dom();
        assertThat(dom).contains("jobform report: jobform");
        for (String job : List.of("backfill-orders", "db-maintenance", "fetch-exchange-rates", "invoice-sync",
                "nightly-report", "thumbnail-sweep")) {
            assertThat(dom).contains("id=\"job-" + job + "\"");
        }
        assertThat(dom).contains("class=\"job frozen\" id=\"job-nightly-report\"").contains(frozenError);
        assertThat(dom).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jobform-calendar\"")
                .contains("<g class=\"cell\" data-starts=\"");
    }

    record Loaded(String dom, String log) {}

    /** The page's DOM after load, and Chromium's log; each run with a fresh profile. */
    private Loaded open(Path chromium, Path page, String name) throws Exception {
        Path profile = Files.createDirectories(work.resolve("profile-" + name));
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()));
        Path log = work.resolve(name + "-chromium.log");
        Process browser = new ProcessBuilder(command).redirectError(log.toFile()).start();
        browser.getOutputStream().close();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(browser.exitValue()).as(Files.readString(log)).isZero();
        return new Loaded(dom, Files.readString(log));
    }

    /** Chromium logs every console message and uncaught error of the page as {@code INFO:CONSOLE}. */
    private static List<String> consoleLines(Loaded loaded) {
        return loaded.log().lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    /** Debian's package installs /usr/bin/chromium; other systems name it differently. */
    static Optional<Path> chromium() {
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> names.stream().map(n -> Path.of(dir, n))).filter(Files::isExecutable).findFirst();
    }
}
