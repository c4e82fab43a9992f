package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.reconcile.ReconcileResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each class of manifest change touches exactly the resources that carry that field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldChangeIT {
    private static final String FILE = "nightly-report.yaml";
    private static final String TD = "TaskDefinition/jobform-nightly-report";

    @TempDir
    static Path work;
    Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(work);
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("image", "finance-report:1.4.2", "finance-report:1.4.3",
                        List.of("update " + TD, "retire revisions " + TD), "containerDefinitions[0].image"),
                Arguments.of("cpu and memory", "cpu: 512\n    memory: 1024", "cpu: 1024\n    memory: 2048",
                        List.of("update " + TD, "retire revisions " + TD), "memory"),
                Arguments.of("env", "REPORT_BUCKET: finance-reports", "REPORT_BUCKET: finance-reports-v2",
                        List.of("update " + TD, "retire revisions " + TD), "containerDefinitions[0].environment"),
                Arguments.of("schedule", "cron: \"0 5 * * *\"", "cron: \"0 6 * * *\"",
                        List.of("update Schedule/jobform-nightly-report"), "ScheduleExpression"),
                Arguments.of("timezone", "timezone: Europe/Berlin", "timezone: Europe/Paris",
                        List.of("update Schedule/jobform-nightly-report"), "ScheduleExpressionTimezone"),
                Arguments.of("suspend", "concurrencyPolicy: Forbid", "concurrencyPolicy: Forbid\n  suspend: true",
                        List.of("update Schedule/jobform-nightly-report"), "State"),
                Arguments.of("retries", "retries: {limit: 2,", "retries: {limit: 3,",
                        List.of("update StateMachine/jobform-nightly-report"), "definition.States"),
                Arguments.of("permissions", "finance-reports/daily/*", "finance-reports/monthly/*",
                        List.of("update Role/jobform-nightly-report"), "InlinePolicies.permissions"),
                Arguments.of("capacity", "concurrencyPolicy: Forbid", "concurrencyPolicy: Forbid\n  capacity: spot",
                        List.of("update StateMachine/jobform-nightly-report"), "definition.States"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesExactlyTheAffectedResources(String field, String from, String to, List<String> expected,
            String changedPath) {
        sandbox.edit(FILE, from, to);
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).containsExactlyElementsOf(expected);
        Change.Update update = (Change.Update) result.plan().orElseThrow().mutating().get(0);
        assertThat(update.diffs()).anyMatch(d -> d.path().startsWith(changedPath))
                .noneMatch(d -> d.path().equals("Description"));

        sandbox.resetCalls();
        ReconcileResult again = sandbox.apply();
        assertThat(Sandbox.changes(again)).isEmpty();
        assertThat(sandbox.mutatingCalls()).containsOnlyKeys("s3:PutObject", "s3:DeleteObject");
    }
}
