package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.plan.FieldValue;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plan as users read it, compared with golden files under src/test/resources/plan/. */
class PlanPrinterTest {

    record Desired(ResourceId id, String specHash, Optional<String> job) implements DesiredResource {
        public Map<String, String> tags() {
            return Map.of();
        }
    }

    private static ResourceId id(ResourceKind kind, String name) {
        return new ResourceId(kind, name);
    }

    private static ObservedResource observed(ResourceKind kind, String name, String hash) {
        return ObservedResource.owned(id(kind, name), "arn:" + name, hash, name.substring("jobform-".length()));
    }

    static ReconcileResult sample() {
        Desired td = new Desired(id(ResourceKind.TASK_DEFINITION, "jobform-report"), "bbbb", Optional.of("report"));
        Desired sm = new Desired(id(ResourceKind.STATE_MACHINE, "jobform-new"), "cccc", Optional.of("new"));
        Desired kept = new Desired(id(ResourceKind.SCHEDULE, "jobform-report"), "dddd", Optional.of("report"));
        Plan plan = new Plan(List.of(
                new Change.Update(td, observed(ResourceKind.TASK_DEFINITION, "jobform-report", "aaaa"),
                        List.of(new FieldChange("containerDefinitions[0].image", FieldValue.UNKNOWN,
                                new FieldValue.Known("repo/report:1.5.0")))),
                new Change.Create(sm),
                new Change.Keep(kept, observed(ResourceKind.SCHEDULE, "jobform-report", "dddd")),
                new Change.Delete(observed(ResourceKind.SCHEDULE, "jobform-old", "eeee")),
                new Change.Orphan(observed(ResourceKind.STATE_MACHINE, "jobform-kept", "ffff")),
                new Change.Skip(id(ResourceKind.STATE_MACHINE, "jobform-broken"), Optional.of("broken"),
                        "frozen: the job's manifest is invalid, not pruned"),
                new Change.RetireRevisions(td.id(), td.job(), List.of("arn:td:1"))),
                List.of("guard: 12 jobs would be pruned, more than the limit of 10; nothing pruned (raise "
                        + "--max-deletions or JOBFORM_MAX_DELETIONS to prune them)"));
        return new ReconcileResult(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(plan),
                Optional.empty(), 4, 1);
    }

    @ParameterizedTest
    @EnumSource(PlanPrinter.Format.class)
    void printsTheGoldenPlan(PlanPrinter.Format format) throws IOException {
        String printed = PlanPrinter.print(sample(), format, "manifests", "local emulator",
                Instant.parse("2026-01-01T00:00:00Z"));
        String name = "/plan/sample." + format.name() + ".txt";
        if (Boolean.getBoolean("jobform.updateGolden")) {
            // Regenerate after an intended change: -Djobform.updateGolden=true, then review the diff.
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources" + name), printed);
            return;
        }
        try (InputStream golden = getClass().getResourceAsStream(name)) {
            assertThat(golden).as("golden file %s", name).isNotNull();
            assertThat(printed).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
