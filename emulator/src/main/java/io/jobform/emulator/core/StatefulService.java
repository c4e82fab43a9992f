package io.jobform.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service whose whole state can be written to JSON and read back, so the emulator can be
 * saved to a file and resumed (the CLI's local mode keeps its resources across runs).
 * {@link #restore} replaces the current state; it is called with what {@link #snapshot} wrote.
 */
public interface StatefulService {

    JsonNode snapshot();

    void restore(JsonNode state);
}
