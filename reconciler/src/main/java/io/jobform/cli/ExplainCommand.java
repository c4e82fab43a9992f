package io.jobform.cli;

import io.jobform.validate.FieldDocs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform explain FIELD}: a manifest field's description, type, default, limits and examples. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a manifest field from the JSON Schema jobform validates against: what it means and "
                + "which AWS setting it becomes, type, default, limits, examples and its fields. FIELD is dotted, "
                + "e.g. spec.schedule.timezone (spec. may be left out).")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIELD", description = "e.g. schedule.cron, container.memory, retries")
    String field;

    @Option(names = "--kind", defaultValue = "ScheduledJob", description = "ScheduledJob or JobDefaults "
            + "(default: ${DEFAULT-VALUE}).")
    String kind;

    @Override
    public Integer call() {
        if (!kind.equals("ScheduledJob") && !kind.equals("JobDefaults")) {
            return Usage.error(spec, "--kind must be ScheduledJob or JobDefaults, not " + kind);
        }
        FieldDocs.Field doc;
        try {
            doc = FieldDocs.load().explain(field, kind);
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("KIND:     " + kind);
        out.println("FIELD:    " + doc.path() + doc.type().map(t -> " <" + t + ">").orElse(""));
        doc.aws().ifPresent(a -> out.println("AWS:      " + a));
        doc.defaultValue().ifPresent(d -> out.println("DEFAULT:  " + d));
        if (!doc.limits().isEmpty()) {
            out.println("LIMITS:   " + String.join("; ", doc.limits()));
        }
        if (!doc.examples().isEmpty()) {
            out.println("EXAMPLES: " + String.join("  |  ", doc.examples()));
        }
        doc.description().ifPresent(d -> {
            out.println();
            out.println("DESCRIPTION:");
            out.println(wrap(d, "    "));
        });
        if (!doc.fields().isEmpty()) {
            out.println();
            out.println("FIELDS:");
            doc.fields().forEach(c -> out.println("  " + c.name() + c.type().map(t -> " <" + t + ">").orElse("")
                    + c.summary().map(sm -> "\n" + wrap(sm, "      ")).orElse("")));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder(indent);
        int column = indent.length();
        for (String word : text.split("\\s+")) {
            if (column + word.length() > 96 && column > indent.length()) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > indent.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
