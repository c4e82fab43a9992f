package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One call of a Task state's resource: the resolved parameters (or JSONata Arguments), the
 * moment it starts, the attempt (0 first) and the execution it belongs to.
 */
public record TaskCall(String resource, String stateName, JsonNode parameters, Instant at, int attempt,
        ExecutionContext execution) {}
