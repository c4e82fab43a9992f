package io.jobform.operate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads one CloudWatch Logs stream (implemented over the SDK in
 * {@code io.jobform.aws.LogEventsClient}). A stream that does not exist yet reads as empty:
 * the awslogs driver creates it when the container starts.
 */
public interface LogSource {

    record Line(Instant timestamp, String message) {}

    /** One page; {@code next} is where the following read continues (the forward token). */
    record Page(List<Line> lines, Optional<String> next) {}

    /** From {@code after} (a previous page's next), else from {@code since}, else from the start. */
    Page read(String group, String stream, Optional<Instant> since, Optional<String> after);

    /** The newest {@code count} lines, oldest first. */
    List<Line> tail(String group, String stream, Optional<Instant> since, int count);
}
