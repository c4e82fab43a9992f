package io.jobform.apply;

import java.util.Optional;

/** What one change's calls achieved. Errors are values: a failed step carries its reason. */
public sealed interface StepOutcome {

    /**
     * @param arn      the resource's ARN after the step (the new revision for a task definition)
     * @param modified the resource's last-modified time as AWS reports it, when it has one
     */
    record Done(Optional<String> arn, Optional<String> modified) implements StepOutcome {
        public static Done of(String arn) {
            return new Done(Optional.ofNullable(arn), Optional.empty());
        }

        public static Done nothing() {
            return new Done(Optional.empty(), Optional.empty());
        }
    }

    /** @param reason one line for the user, e.g. {@code AccessDenied: not authorized to ...} */
    record Failed(String reason) implements StepOutcome {}
}
