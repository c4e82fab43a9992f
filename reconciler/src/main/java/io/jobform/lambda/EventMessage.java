package io.jobform.lambda;

import java.util.List;
import java.util.Optional;

/**
 * The events of one delivery unit: one SQS message (with its id, needed to report a batch
 * item failure) or the whole payload of a direct invoke (no id).
 */
public record EventMessage(Optional<String> messageId, List<InvocationEvent> events) {

    public EventMessage {
        events = List.copyOf(events);
    }

    public static EventMessage direct(List<InvocationEvent> events) {
        return new EventMessage(Optional.empty(), events);
    }
}
