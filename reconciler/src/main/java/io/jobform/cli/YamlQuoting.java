package io.jobform.cli;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string a YAML reader would take for something else. Jackson's minimal quoting
 * already quotes booleans, null and plain decimal numbers; YAML 1.1 and 1.2 readers also
 * resolve timestamps (2026-01-01, 2026-01-01T00:00:00Z), floats with exponents or .inf/.nan,
 * octal and hexadecimal integers, and base-60 numbers (12:30) (YAML 1.1 type repository:
 * timestamp, int, float), so those strings are quoted too.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?",
            "[-+]?(\\d[\\d_]*)?\\.?\\d[\\d_]*([eE][-+]?\\d+)?",
            "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
            "[-+]?0[oO]?[0-7_]+|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0b[01_]+",
            "[-+]?\\d[\\d_]*(:[0-5]?\\d)+(\\.[\\d_]*)?"));

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || NOT_A_STRING.matcher(value).matches();
    }
}
