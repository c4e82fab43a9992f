package io.jobform.manifest;

/**
 * One finding about a manifest. Errors are values: the CLI prints them, status objects carry
 * them, nothing throws them across the user boundary.
 *
 * @param subject the resource it concerns as {@code Kind/name} (e.g. {@code ScheduledJob/nightly-report}),
 *                or empty when the document has no usable name yet
 * @param field   the field path, e.g. {@code spec.container.memory}, or empty for the whole document
 */
public record Violation(Severity severity, SourcePosition position, String subject, String field, String message) {

    public static Violation error(SourcePosition position, String subject, String field, String message) {
        return new Violation(Severity.ERROR, position, subject, field, message);
    }

    public static Violation warning(SourcePosition position, String subject, String field, String message) {
        return new Violation(Severity.WARNING, position, subject, field, message);
    }

    public static Violation note(SourcePosition position, String subject, String field, String message) {
        return new Violation(Severity.NOTE, position, subject, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: field: message}, the compiler-style line. */
    public String format() {
        String where = field.isEmpty() ? "" : field + ": ";
        return position + ": " + severity.label() + ": " + where + message;
    }
}
