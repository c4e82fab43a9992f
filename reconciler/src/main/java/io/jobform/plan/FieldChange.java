package io.jobform.plan;

/**
 * One field of a resource that differs between the last applied spec and the desired one.
 *
 * @param path   the field path, e.g. {@code containerDefinitions[0].image} or {@code tags["team"]}
 * @param before the last applied value; {@link FieldValue.Absent} for an added field
 * @param after  the desired value; {@link FieldValue.Absent} for a removed field
 */
public record FieldChange(String path, FieldValue before, FieldValue after) {

    /** {@code +} added, {@code -} removed, {@code ~} changed. */
    public String symbol() {
        if (before instanceof FieldValue.Absent) {
            return "+";
        }
        return after instanceof FieldValue.Absent ? "-" : "~";
    }
}
