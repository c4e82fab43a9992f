package io.jobform.plan;

import java.util.Map;

/**
 * A desired resource's fields, for field-level changes.
 *
 * @param values field path to value, in the form the applied record stores ({@link Masking} applied)
 * @param legacy field path to value in the paths of the older, hashed record form
 */
public record DesiredFields(Map<String, String> values, Map<String, String> legacy) {
    public DesiredFields {
        values = Map.copyOf(values);
        legacy = Map.copyOf(legacy);
    }
}
