package io.jobform.reconcile;

/**
 * Text read from a shared object (the lease's holder) made safe to print: anyone who can write
 * the bucket chooses it, and a terminal would obey escape sequences, carriage returns or
 * bidirectional overrides in it. Control, format and separator characters and unpaired
 * surrogates become {@code \\uXXXX}; the result is at most {@link #MAX} characters.
 */
public final class PrintableText {
    static final int MAX = 120;

    private PrintableText() {}

    public static String of(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length() && out.length() < MAX) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (printable(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        }
        boolean cut = i < text.length() || out.length() > MAX;
        return cut ? out.substring(0, Math.min(out.length(), MAX)) + "…" : out.toString();
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return !(Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || c == '\\');
    }
}
