package io.jobform.manifest;

/**
 * A YAML escape such as {@code \uD800} can produce half a UTF-16 pair, which no UTF-8 text (an AWS
 * request, the local state file) can hold.
 */
final class UnpairedSurrogate {

    static final String MESSAGE = "the value holds an unpaired UTF-16 surrogate (an escape such as \\uD800): no text "
            + "in AWS or in the local state can store it; write the character itself or a complete pair";

    private UnpairedSurrogate() {}

    static boolean in(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each lone half replaced by U+FFFD, so nothing downstream ever holds one. */
    static String replaced(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
