package io.jobform.apply;

import io.jobform.plan.Change;

/** Turns one planned change into AWS calls. Implementations are idempotent: rerunning converges. */
public interface ChangeExecutor {
    StepOutcome execute(Change change);
}
