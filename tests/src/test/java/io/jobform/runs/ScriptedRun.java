package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A definition run once with this input, and per Task state the answers its calls get in order (the last repeats). */
record ScriptedRun(String label, JsonNode definition, JsonNode input, Map<String, List<TaskScript>> script) {

    static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-job";
    static final String EXECUTION_NAME = "run-1";
    static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:jobform-job:" + EXECUTION_NAME;
    /** When every run starts, in both interpreters. */
    static final Instant START = Instant.parse("2026-03-01T02:00:00Z");
}
