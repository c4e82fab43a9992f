package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.plan.FieldValue;
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

    private static final String CONTAINER = "containerDefinitions[\"nightly-report\"].";

    /** Each change names the field it touches with its value before and after; environment values stay hidden. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("image", "finance-report:1.4.2", "finance-report:1.4.3",
                        List.of("update " + TD, "retire revisions " + TD), "~ " + CONTAINER
                                + "image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.4.2 → "
                                + "123456789012.dkr.ecr.eu-west-1.amazonaws.com/finance-report:1.4.3"),
                Arguments.of("cpu and memory", "cpu: 512\n    memory: 1024", "cpu: 1024\n    memory: 2048",
                        List.of("update " + TD, "retire revisions " + TD), "~ memory: 1024 → 2048"),
                Arguments.of("env", "REPORT_BUCKET: finance-reports", "REPORT_BUCKET: finance-reports-v2",
                        List.of("update " + TD, "retire revisions " + TD),
                        "~ " + CONTAINER + "environment[\"REPORT_BUCKET\"]: (hidden) → (hidden)"),
                Arguments.of("schedule", "cron: \"0 5 * * *\"", "cron: \"0 6 * * *\"",
                        List.of("update Schedule/jobform-nightly-report"),
                        "~ ScheduleExpression: cron(0 5 * * ? *) → cron(0 6 * * ? *)"),
                Arguments.of("timezone", "timezone: Europe/Berlin", "timezone: Europe/Paris",
                        List.of("update Schedule/jobform-nightly-report"),
                        "~ ScheduleExpressionTimezone: Europe/Berlin → Europe/Paris"),
                Arguments.of("suspend", "concurrencyPolicy: Forbid", "concurrencyPolicy: Forbid\n  suspend: true",
                        List.of("update Schedule/jobform-nightly-report"), "~ State: ENABLED → DISABLED"),
                Arguments.of("retries", "retries: {limit: 2,", "retries: {limit: 3,",
                        List.of("update StateMachine/jobform-nightly-report"), "~ definition.States."),
                Arguments.of("permissions", "finance-reports/daily/*", "finance-reports/monthly/*",
                        List.of("update Role/jobform-nightly-report"),
                        "~ InlinePolicies.permissions.Statement[0].Resource: [\"arn:aws:s3:::finance-reports/daily/*\"]"
                                + " → [\"arn:aws:s3:::finance-reports/monthly/*\"]"),
                Arguments.of("capacity", "concurrencyPolicy: Forbid", "concurrencyPolicy: Forbid\n  capacity: spot",
                        List.of("update StateMachine/jobform-nightly-report"),
                        "- definition.States.Run.Branches[0].States.RunTask.Parameters.LaunchType: FARGATE → (absent)"));
    }

    private static String text(FieldValue value) {
        if (value instanceof FieldValue.Known k) {
            return k.text();
        }
        return "(" + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private static String line(FieldChange f) {
        return f.symbol() + " " + f.path() + ": " + text(f.before()) + " → " + text(f.after());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesExactlyTheAffectedResources(String field, String from, String to, List<String> expected,
            String changedLine) {
        sandbox.edit(FILE, from, to);
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).containsExactlyElementsOf(expected);
        Change.Update update = (Change.Update) result.plan().orElseThrow().mutating().get(0);
        assertThat(update.fields()).extracting(FieldChange::path).doesNotContain("Description");
        assertThat(update.fields()).extracting(FieldChangeIT::line).anyMatch(l -> l.startsWith(changedLine))
                .noneMatch(l -> l.contains("(unknown)"));

        sandbox.resetCalls();
        ReconcileResult again = sandbox.apply();
        assertThat(Sandbox.changes(again)).isEmpty();
        assertThat(sandbox.mutatingCalls()).containsOnlyKeys("s3:PutObject", "s3:DeleteObject");
    }
}
