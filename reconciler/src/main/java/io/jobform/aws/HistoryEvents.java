package io.jobform.aws;

import io.jobform.operate.ExecutionEvent;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Reduces an SDK HistoryEvent to the type, state name and the one detail an operator reads. */
final class HistoryEvents {
    private HistoryEvents() {}

    static ExecutionEvent of(HistoryEvent e) {
        Optional<String> state = Optional.ofNullable(e.stateEnteredEventDetails()).map(d -> d.name())
                .or(() -> Optional.ofNullable(e.stateExitedEventDetails()).map(d -> d.name()));
        return new ExecutionEvent(e.id(), e.timestamp(), e.typeAsString(), state, detail(e));
    }

    private static Optional<String> detail(HistoryEvent e) {
        if (e.taskSubmittedEventDetails() != null) {
            return Optional.ofNullable(e.taskSubmittedEventDetails().output());
        }
        if (e.taskSucceededEventDetails() != null) {
            return Optional.ofNullable(e.taskSucceededEventDetails().output());
        }
        if (e.taskFailedEventDetails() != null) {
            return Optional.ofNullable(e.taskFailedEventDetails().cause())
                    .or(() -> Optional.ofNullable(e.taskFailedEventDetails().error()));
        }
        if (e.executionFailedEventDetails() != null) {
            return Optional.ofNullable(e.executionFailedEventDetails().error());
        }
        if (e.executionAbortedEventDetails() != null) {
            return Optional.ofNullable(e.executionAbortedEventDetails().cause())
                    .or(() -> Optional.ofNullable(e.executionAbortedEventDetails().error()));
        }
        if (e.executionTimedOutEventDetails() != null) {
            return Optional.ofNullable(e.executionTimedOutEventDetails().error());
        }
        return Optional.empty();
    }
}
