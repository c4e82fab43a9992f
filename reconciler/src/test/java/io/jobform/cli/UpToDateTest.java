package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Plan;
import io.jobform.reconcile.ReconcileResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpToDateTest {

    @Test
    void upToDateOnlyWhenNothingIsHeldBack() {
        assertThat(UpToDate.line(PlanPrinterTest.sample()))
                .isEqualTo("Nothing changed, but not up to date: 1 change(s) held back (the reason is on stderr).");
        ReconcileResult clean = new ReconcileResult(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Plan(List.of(), List.of())), Optional.empty(), 0, 0);
        assertThat(UpToDate.line(clean)).isEqualTo("Everything is up to date.");
    }
}
