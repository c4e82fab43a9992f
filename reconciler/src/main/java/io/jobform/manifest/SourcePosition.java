package io.jobform.manifest;

/** A place in a manifest file, 1-based, printed as {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition startOf(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
