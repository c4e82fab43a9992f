package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One GetExecutionHistory event before it gets its id: the type as Step Functions names it
 * (e.g. TaskStateEntered, TaskSucceeded) and its details member (e.g. stateEnteredEventDetails).
 */
public record HistoryEvent(Instant at, String type, Optional<String> detailsName, ObjectNode details) {}
