package io.jobform.validate;

import java.util.BitSet;

/**
 * What an IAM resource pattern can match. IAM's {@code *} matches any run of characters,
 * slashes included, and "if the * wildcard is the last character of a resource ARN segment, it
 * can expand to match beyond the colon boundaries"; {@code ?} matches any one character ("IAM
 * JSON policy elements: Resource", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Here every {@code *} may cross colons, which can only refuse more ({@code arn:*:s3:::x/*}
 * reaches every bucket).
 * The pattern runs as a small automaton over its positions, so every spelling of a wildcard
 * ({@code arn:aws:s3:::j*}, {@code arn:*:s3:::*}, {@code *}, {@code arn:aws:s3:::jobform-?ocal/*})
 * is judged by what it reaches, not by how it looks. Letter case is ignored: that can only
 * refuse more.
 */
final class ArnPattern {

    private ArnPattern() {}

    /** Whether the pattern matches {@code arn} exactly. */
    static boolean matches(String pattern, String arn) {
        BitSet states = run(pattern, arn);
        return states.get(pattern.length());
    }

    /** Whether the pattern matches at least one string that starts with {@code prefix}. */
    static boolean reachesUnder(String pattern, String prefix) {
        // Any position still alive after the prefix can be completed: literals by themselves,
        // '?' by any character, '*' by nothing.
        return !run(pattern, prefix).isEmpty();
    }

    private static BitSet run(String pattern, String text) {
        BitSet states = closure(pattern, single(0));
        for (int i = 0; i < text.length() && !states.isEmpty(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            BitSet next = new BitSet();
            for (int at = states.nextSetBit(0); at >= 0 && at < pattern.length(); at = states.nextSetBit(at + 1)) {
                char p = pattern.charAt(at);
                if (p == '*') {
                    next.set(at);
                } else if (p == '?' || Character.toLowerCase(p) == c) {
                    next.set(at + 1);
                }
            }
            states = closure(pattern, next);
        }
        return states;
    }

    /** A '*' may match nothing: the position after it is alive too. */
    private static BitSet closure(String pattern, BitSet states) {
        for (int at = states.nextSetBit(0); at >= 0 && at < pattern.length(); at = states.nextSetBit(at + 1)) {
            if (pattern.charAt(at) == '*') {
                states.set(at + 1);
            }
        }
        return states;
    }

    private static BitSet single(int position) {
        BitSet set = new BitSet();
        set.set(position);
        return set;
    }
}
