package io.jobform.emulator.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The term form of CloudWatch Logs filter patterns: every term, or quoted phrase, must occur
 * in the message, case-sensitively; an empty pattern matches everything (Filter pattern
 * syntax, "Matching terms in unstructured log events"). JSON ({...}) and space-delimited
 * ([...]) patterns are not emulated and are refused rather than guessed.
 */
record FilterPattern(List<String> terms) {
    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    static FilterPattern parse(String pattern) {
        String p = pattern.strip();
        if (p.startsWith("{") || p.startsWith("[") || p.startsWith("%")) {
            throw LogsErrors.invalid("Invalid filter pattern: the emulator matches terms and quoted phrases only");
        }
        List<String> terms = new ArrayList<>();
        Matcher m = TERM.matcher(p);
        while (m.find()) {
            terms.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return new FilterPattern(List.copyOf(terms));
    }

    boolean matches(String message) {
        return terms.stream().allMatch(message::contains);
    }
}
