package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.ObjectSummary;
import io.jobform.manifest.Violation;
import io.jobform.reconcile.ReconcileResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: an invalid {@code metadata.name} is a positioned validation error and never
 * becomes an S3 key. A 1,100-character name made every reconcile fail at its status write (S3
 * keys are at most 1,024 bytes) after applying; {@code ../../x} was stored literally.
 */
class InvalidNameKeyIT extends AppliedExamples {

    private static String job(String name) {
        return "apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: \"" + name + "\"\nspec:\n"
                + "  container:\n    image: busybox:1\n";
    }

    @Test
    void invalidNamesAreErrorsAndTheirStatusHasASafeKey() {
        String longName = "a".repeat(1100);
        sandbox.write("long.yaml", job(longName));
        sandbox.write("dots.yaml", job("../../x"));
        sandbox.edit("invoice-sync.yaml", "invoice-sync:0.9.3", "invoice-sync:0.9.4");
        ReconcileResult result = sandbox.apply();

        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("update TaskDefinition/jobform-invoice-sync");
        List<String> errors = result.validation().orElseThrow().violations().stream().filter(Violation::isError)
                .map(Violation::format).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("long.yaml:4:9: error: metadata.name: job name 'aaa")
                && e.endsWith("is 1100 characters; at most 40 are allowed"));
        assertThat(errors).contains("dots.yaml:4:9: error: metadata.name: job name '../../x' must consist of "
                + "lowercase letters, digits and '-', and start and end with a letter or digit");

        List<String> keys = sandbox.store.list("").stream().map(ObjectSummary::key).toList();
        assertThat(keys).noneMatch(k -> k.contains("..") || k.length() > 200);
        List<String> invalid = keys.stream().filter(k -> k.startsWith("_jobform/status/_invalid-")).toList();
        assertThat(invalid).hasSize(2);
        assertThat(invalid).anySatisfy(k -> assertThat(new String(sandbox.store.get(k).orElseThrow().body(),
                StandardCharsets.UTF_8)).contains("\"manifest\" : \"dots.yaml\"").contains("\"valid\" : false"));
        // The next reconcile completes too, and has nothing left to do.
        ReconcileResult again = sandbox.apply();
        assertThat(again.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(again)).isEmpty();
    }
}
