package io.jobform.calendar;

import java.util.List;

/** Five colour classes from pale to dark; an empty cell is grey. */
final class HeatScale {

    static final String EMPTY = "#f0f0f0";
    static final List<String> CLASSES = List.of("#fee8c8", "#fdbb84", "#fc8d59", "#e34a33", "#b30000");

    private HeatScale() {}

    static String colour(double value, double max) {
        if (value <= 0 || max <= 0) {
            return EMPTY;
        }
        int i = (int) Math.ceil(value / max * CLASSES.size()) - 1;
        return CLASSES.get(Math.max(0, Math.min(CLASSES.size() - 1, i)));
    }

    /** Text on the two darkest classes is white. */
    static String ink(double value, double max) {
        return colour(value, max).equals(CLASSES.get(3)) || colour(value, max).equals(CLASSES.get(4)) ? "#fff" : "#222";
    }
}
