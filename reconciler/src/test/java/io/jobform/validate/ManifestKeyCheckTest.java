package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Manifest keys become the jobform.io/manifest tag: only keys AWS accepts as tag values are valid. */
class ManifestKeyCheckTest {
    private static final String JOB = "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: demo\n"
            + "spec:\n  container:\n    image: demo:1\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "manifests/demo.yaml           | ",
        "team a/job 01.yaml            | ",
        "équipe-β/job-01.yaml          | ",
        "c++/job+01.yaml               | ",
        "a=b/job@01.yaml               | ",
        "100%/job%2001.yaml            | manifest key '100%/job%2001.yaml' becomes the jobform.io/manifest tag",
        "ops/job#1.yaml                | manifest key 'ops/job#1.yaml' becomes the jobform.io/manifest tag",
        "ops/(copy) job.yaml           | manifest key 'ops/(copy) job.yaml' becomes the jobform.io/manifest tag",
    })
    void keysMustFitATagValue(String key, String error) {
        ValidationReport report = new Validator().validate(
                List.of(new ManifestFile(key, JOB.getBytes(StandardCharsets.UTF_8))), "jobform", InvalidManifestsTest.NOW);
        List<Violation> errors = report.violations().stream().filter(Violation::isError).toList();
        if (error == null) {
            assertThat(errors).isEmpty();
            assertThat(report.jobs()).hasSize(1);
        } else {
            assertThat(errors).extracting(Violation::format).containsExactly(key + ":1:1: error: " + error
                    + ", and AWS tag values allow only letters, digits, spaces and _ . : / = + - @; rename the file");
            assertThat(report.jobs()).isEmpty();
            assertThat(report.invalidJobNames()).containsExactly("demo");
        }
    }

    @org.junit.jupiter.api.Test
    void keysLongerThanATagValueAreRefused() {
        String key = "m/" + "k".repeat(260) + ".yaml";
        ValidationReport report = new Validator().validate(
                List.of(new ManifestFile(key, JOB.getBytes(StandardCharsets.UTF_8))), "jobform", InvalidManifestsTest.NOW);
        assertThat(report.violations()).extracting(Violation::message).containsExactly("manifest key is 267 characters; "
                + "it becomes the jobform.io/manifest tag, and AWS tag values have at most 256");
    }
}
