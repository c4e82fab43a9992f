package io.jobform.plan;

/** One side of a field change: what a plan can honestly say about the value. */
public sealed interface FieldValue {

    /** The value as text (JSON text for an array of plain values). */
    record Known(String text) implements FieldValue {}

    /** The field does not exist on this side. */
    record Absent() implements FieldValue {}

    /** The value is not recorded (no applied record, or one from before values were kept). */
    record Unknown() implements FieldValue {}

    /** The value exists but is never shown ({@link Masking}). */
    record Hidden() implements FieldValue {}

    FieldValue ABSENT = new Absent();
    FieldValue UNKNOWN = new Unknown();
    FieldValue HIDDEN = new Hidden();

    /** A stored value: hidden when it is a masked value's hash. */
    static FieldValue of(String stored) {
        return Masking.isMasked(stored) ? HIDDEN : new Known(stored);
    }
}
