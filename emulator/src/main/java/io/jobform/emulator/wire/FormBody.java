package io.jobform.emulator.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded application/x-www-form-urlencoded body (the query protocol), with the
 * {@code Name.member.N} list convention the query protocol uses.
 */
public final class FormBody {
    private final Map<String, String> params;

    private FormBody(Map<String, String> params) {
        this.params = params;
    }

    public static FormBody parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return new FormBody(params);
    }

    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** Values of {@code prefix.member.1}, {@code prefix.member.2}, ... in order. */
    public List<String> members(String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + ".member." + i); i++) {
            values.add(params.get(prefix + ".member." + i));
        }
        return values;
    }

    /** Key/Value structures of {@code prefix.member.N.Key} / {@code .Value}, in order. */
    public Map<String, String> keyValueMembers(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; params.containsKey(prefix + ".member." + i + ".Key"); i++) {
            values.put(params.get(prefix + ".member." + i + ".Key"),
                    params.getOrDefault(prefix + ".member." + i + ".Value", ""));
        }
        return values;
    }
}
