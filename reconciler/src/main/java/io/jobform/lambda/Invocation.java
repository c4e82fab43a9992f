package io.jobform.lambda;

import java.util.List;
import java.util.stream.Stream;

/**
 * A parsed Lambda payload. {@code sqsBatch} tells the handler to answer with a
 * {@code batchItemFailures} response, which only an SQS event source mapping understands.
 */
public record Invocation(boolean sqsBatch, List<EventMessage> messages) {

    public Invocation {
        messages = List.copyOf(messages);
    }

    public Stream<InvocationEvent> events() {
        return messages.stream().flatMap(m -> m.events().stream());
    }
}
