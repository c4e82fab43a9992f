package io.jobform.iam;

import java.util.regex.Pattern;

/**
 * IAM's multi-character {@code *} and single-character {@code ?} wildcards (IAM JSON policy
 * elements: Action, Resource, StringLike, ArnLike). Actions compare case-insensitively, ARNs
 * case-sensitively.
 */
final class Wildcards {

    private Wildcards() {}

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL).matcher(value).matches();
    }

    /**
     * ArnLike/ArnEquals compare the six colon-separated ARN parts one by one, each with wildcards
     * (IAM condition operators, "Amazon Resource Name (ARN) condition operators").
     */
    static boolean arnMatches(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }
}
