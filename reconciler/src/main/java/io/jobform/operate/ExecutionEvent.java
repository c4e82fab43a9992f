package io.jobform.operate;

import java.time.Instant;
import java.util.Optional;

/**
 * One GetExecutionHistory event, reduced to what an operator reads.
 *
 * @param type   the HistoryEvent type: TaskStateEntered, TaskSubmitted, TaskFailed, ExecutionSucceeded, ...
 * @param state  the state's name for StateEntered/StateExited events
 * @param detail the event's output, or its error and cause
 */
public record ExecutionEvent(long id, Instant timestamp, String type, Optional<String> state, Optional<String> detail) {}
