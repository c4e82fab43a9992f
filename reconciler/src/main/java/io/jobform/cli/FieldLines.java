package io.jobform.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.plan.FieldValue;
import java.util.List;

/**
 * A changed resource's fields as plan lines, terraform-like: {@code ~ path: before → after},
 * {@code + path: after}, {@code - path: before}. Text shortens long values; Markdown and JSON
 * carry them whole.
 */
final class FieldLines {
    private static final int MAX_SHOWN = 120;
    static final String INDENT = "      ";
    static final String NO_RECORD = "(fields unknown: no record of the last applied spec)";

    private FieldLines() {}

    static void append(Change.Update update, boolean shorten, StringBuilder out) {
        if (update.fields().isEmpty() && !update.observed().lastApplied().known()) {
            out.append(INDENT).append(NO_RECORD).append('\n');
        }
        for (FieldChange f : update.fields()) {
            out.append(INDENT).append(line(f, shorten)).append('\n');
        }
    }

    static String line(FieldChange f, boolean shorten) {
        String head = f.symbol() + " " + f.path() + ": ";
        if (f.before() instanceof FieldValue.Hidden || f.after() instanceof FieldValue.Hidden) {
            return head + switch (f.symbol()) {
                case "+" -> "(value not shown)";
                case "-" -> "(removed; value not shown)";
                default -> "(changed; value not shown)";
            };
        }
        return switch (f.symbol()) {
            case "+" -> head + text(f.after(), shorten);
            case "-" -> head + text(f.before(), shorten);
            default -> head + text(f.before(), shorten) + " → " + text(f.after(), shorten);
        };
    }

    private static String text(FieldValue value, boolean shorten) {
        if (value instanceof FieldValue.Known k) {
            return shorten ? shortened(k.text()) : k.text();
        }
        return value instanceof FieldValue.Unknown ? "(unknown)" : "(none)";
    }

    private static String shortened(String value) {
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN - 3) + "...";
    }

    /**
     * One JSON object per field: {@code change} (added, removed, changed), {@code before} and
     * {@code after} as text when known, {@code beforeUnknown} when it is not recorded, {@code masked}
     * when values are never shown.
     */
    static void json(List<FieldChange> fields, ArrayNode into) {
        for (FieldChange f : fields) {
            ObjectNode node = into.addObject().put("path", f.path()).put("change", switch (f.symbol()) {
                case "+" -> "added";
                case "-" -> "removed";
                default -> "changed";
            });
            if (f.before() instanceof FieldValue.Hidden || f.after() instanceof FieldValue.Hidden) {
                node.put("masked", true);
                continue;
            }
            side(node, "before", f.before());
            side(node, "after", f.after());
        }
    }

    private static void side(ObjectNode node, String name, FieldValue value) {
        if (value instanceof FieldValue.Known k) {
            node.put(name, k.text());
        } else if (value instanceof FieldValue.Unknown) {
            node.put(name + "Unknown", true);
        }
    }
}
