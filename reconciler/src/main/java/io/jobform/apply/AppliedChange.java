package io.jobform.apply;

import io.jobform.plan.Change;

/** A change that went through, with what the calls returned. */
public record AppliedChange(Change change, StepOutcome.Done outcome) {}
