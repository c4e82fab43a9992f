package io.jobform.emulator.sfn.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function call such as {@code States.Format('{} {}', $.a, States.UUID())}
 * into a tree. Arguments are string literals in single quotes (escapes {@code \' \{ \} \\}),
 * numbers, {@code true}/{@code false}/{@code null}, paths and nested calls ("Intrinsic
 * functions for JSONPath states in Step Functions").
 */
final class IntrinsicParser {

    sealed interface Arg permits Literal, Path, Call {}

    /** A string literal keeps its escapes for States.Format, which interprets them itself. */
    record Literal(Object value, String raw) implements Arg {}

    record Path(String path) implements Arg {}

    record Call(String function, List<Arg> args) implements Arg {}

    private final String text;
    private int at;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Call parse(String text) {
        IntrinsicParser p = new IntrinsicParser(text.strip());
        Call call = p.call();
        p.spaces();
        if (p.at != p.text.length()) {
            throw p.fail("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private Call call() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String name = text.substring(start, at);
        if (!name.startsWith("States.")) {
            throw fail("not an intrinsic function");
        }
        expect('(');
        List<Arg> args = new ArrayList<>();
        spaces();
        if (peek() == ')') {
            at++;
            return new Call(name, args);
        }
        while (true) {
            args.add(arg());
            spaces();
            char c = next();
            if (c == ')') {
                return new Call(name, args);
            }
            if (c != ',') {
                throw fail("expected ',' or ')'");
            }
        }
    }

    private Arg arg() {
        spaces();
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            int start = at;
            int depth = 0;
            boolean quoted = false;
            while (at < text.length()) {
                char d = text.charAt(at);
                if (d == '\'' ) {
                    quoted = !quoted;
                } else if (!quoted && (d == '[' || d == '(')) {
                    depth++;
                } else if (!quoted && (d == ']' || d == ')')) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (!quoted && depth == 0 && d == ',') {
                    break;
                }
                at++;
            }
            return new Path(text.substring(start, at).strip());
        }
        if (text.startsWith("States.", at)) {
            return call();
        }
        int start = at;
        while (at < text.length() && ",) ".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String token = text.substring(start, at);
        return switch (token) {
            case "true" -> new Literal(Boolean.TRUE, token);
            case "false" -> new Literal(Boolean.FALSE, token);
            case "null" -> new Literal(null, token);
            default -> {
                try {
                    if (token.contains(".") || token.contains("e") || token.contains("E")) {
                        yield new Literal(Double.valueOf(token), token);
                    }
                    long value = Long.parseLong(token);
                    yield new Literal(value == (int) value ? (Object) (int) value : (Object) value, token);
                } catch (NumberFormatException e) {
                    throw fail("unknown argument '" + token + "'");
                }
            }
        };
    }

    private Literal string() {
        at++;
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                char escaped = text.charAt(at++);
                raw.append(c).append(escaped);
                value.append(escaped);
            } else if (c == '\'') {
                return new Literal(value.toString(), raw.toString());
            } else {
                raw.append(c);
                value.append(c);
            }
        }
        throw fail("unterminated string");
    }

    private void expect(char c) {
        spaces();
        if (next() != c) {
            throw fail("expected '" + c + "'");
        }
    }

    private char next() {
        if (at >= text.length()) {
            throw fail("unexpected end");
        }
        return text.charAt(at++);
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void spaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private StatesError fail(String what) {
        return new StatesError("States.IntrinsicFailure", "Invalid intrinsic function '" + text + "': " + what
                + " at position " + at);
    }
}
