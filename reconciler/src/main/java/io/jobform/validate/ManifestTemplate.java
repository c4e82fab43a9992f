package io.jobform.validate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code jobform create job NAME}: a new manifest, valid as written, with the schema's own
 * words as comments: the fields a job needs set, every other spec field commented out with
 * its default or an example, so uncommenting a line is the way to use it.
 */
public final class ManifestTemplate {
    /** metadata.name: lowercase letters, digits and -, alphanumeric at both ends, at most 40 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
    private static final List<String> SET = List.of("schedule", "container");

    private ManifestTemplate() {}

    public static String job(String name, FieldDocs docs) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("job name " + name + ": lowercase letters, digits and -, starting and "
                    + "ending alphanumeric, at most 40 characters");
        }
        StringBuilder out = new StringBuilder();
        out.append("# yaml-language-server: $schema=../schema/jobform-v1alpha1.schema.json\n");
        out.append("# ScheduledJob/").append(name).append(": jobform explain FIELD tells what each field does.\n");
        out.append("apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n");
        comment(out, "  ", docs.explain("metadata.name", "ScheduledJob"));
        out.append("  name: ").append(name).append("\nspec:\n");
        comment(out, "  ", docs.explain("schedule", "ScheduledJob"));
        out.append("  schedule:\n    cron: \"0 2 * * *\"\n");
        optional(out, "    ", docs.explain("schedule", "ScheduledJob"), List.of("cron", "rate"), docs, "schedule");
        comment(out, "  ", docs.explain("container", "ScheduledJob"));
        out.append("  container:\n    image: public.ecr.aws/docker/library/busybox:1.36\n")
                .append("    command: [\"echo\", \"hello from ").append(name).append("\"]\n");
        optional(out, "    ", docs.explain("container", "ScheduledJob"), List.of("image", "command"), docs, "container");
        out.append("  # Optional; defaults shown where there is one, else an example:\n");
        optional(out, "  ", docs.explain("spec", "ScheduledJob"), SET, docs, "spec");
        return out.toString();
    }

    private static void comment(StringBuilder out, String indent, FieldDocs.Field field) {
        field.description().ifPresent(d -> out.append(indent).append("# ").append(first(d)).append('\n'));
    }

    private static void optional(StringBuilder out, String indent, FieldDocs.Field parent, List<String> skip,
            FieldDocs docs, String path) {
        for (FieldDocs.Child child : parent.fields()) {
            if (skip.contains(child.name())) {
                continue;
            }
            FieldDocs.Field f = docs.explain(path.equals("spec") ? "spec." + child.name() : path + "." + child.name(),
                    "ScheduledJob");
            String value = f.defaultValue().or(() -> f.examples().stream().findFirst()).orElse("");
            if (value.isEmpty()) {
                continue;
            }
            out.append(indent).append("# ").append(child.name()).append(": ").append(value);
            child.summary().ifPresent(s -> out.append("   # ").append(s));
            out.append('\n');
        }
    }

    private static String first(String text) {
        // The first ". " that does not end an abbreviation such as "e.g.".
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("(?<!e\\.g|i\\.e)\\. ").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }
}
