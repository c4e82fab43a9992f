package io.jobform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated manifests are valid, render, vary, and do not depend on N. */
class BenchManifestsTest {

    @Test
    void generatedSetIsValidAndRenders() {
        Map<String, String> files = BenchManifests.generate(300);
        List<ManifestFile> manifests = files.entrySet().stream()
                .map(e -> new ManifestFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
        ValidationReport report = new Validator().validate(manifests, "jobform");
        assertThat(report.violations()).filteredOn(v -> v.isError()).isEmpty();
        assertThat(report.jobs()).hasSize(300);
        RenderResult render = Renderer.render(report.jobs(), BenchSetup.config());
        assertThat(render.violations()).isEmpty();
        assertThat(render.failedJobs()).isEmpty();
    }

    @Test
    void jobsVaryAndArePrefixStable() {
        Map<String, String> small = BenchManifests.generate(100);
        Map<String, String> large = BenchManifests.generate(1000);
        small.forEach((k, v) -> assertThat(large).containsEntry(k, v));
        String all = String.join("\n", large.values());
        assertThat(all).contains("rate: ", "cron: ", "timezone: Asia/Tokyo", "secrets:", "permissions:",
                "concurrencyPolicy: Replace", "memory: 16384");
        assertThat(BenchManifests.changed(7)).isNotEqualTo(BenchManifests.job(7)).contains("-hotfix");
    }

    @Test
    void sameSeedSameText() {
        assertThat(BenchManifests.job(42)).isEqualTo(BenchManifests.job(42));
        assertThat(BenchManifests.job(42)).isNotEqualTo(BenchManifests.job(43));
    }

}
