package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineReconcileRunnerTest {

    /** Action names become EMF metric names (Changes + name): no spaces, stable spelling. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CREATE, Create", "UPDATE, Update", "DELETE, Delete", "ORPHAN, Orphan",
            "RETIRE_REVISIONS, RetireRevisions", "KEEP, Keep", "SKIP, Skip"})
    void actionNamesAreMetricNames(Change.Action action, String name) {
        assertThat(EngineReconcileRunner.actionName(action)).isEqualTo(name);
    }
}
