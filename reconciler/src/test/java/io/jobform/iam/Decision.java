package io.jobform.iam;

/** The outcome of evaluating one request, with the statement or reason behind it. */
public record Decision(Outcome outcome, String reason) {

    public enum Outcome { ALLOWED, IMPLICIT_DENY, EXPLICIT_DENY }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
