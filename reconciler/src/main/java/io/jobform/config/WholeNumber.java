package io.jobform.config;

import java.util.regex.Pattern;

/**
 * A numeric setting as text (a flag or a {@code JOBFORM_*} variable), read strictly: only plain
 * digits within the range. A guard that silently fell back to its default on {@code " 5"},
 * {@code -1} or {@code abc} would not guard what the operator asked for.
 */
public record WholeNumber(String setting, int min, int max) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    /** The prune limit: {@code --max-deletions}, {@code JOBFORM_MAX_DELETIONS}. */
    public static final WholeNumber MAX_DELETIONS = new WholeNumber("JOBFORM_MAX_DELETIONS", 0, 100_000);

    /** @throws IllegalArgumentException naming the setting, the value and the range */
    public int parse(String text) {
        if (DIGITS.matcher(text).matches()) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw new IllegalArgumentException(setting + " must be a whole number from " + min + " to " + max
                + ", not '" + text + "'");
    }
}
