package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.manifest.PositionIndex;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Job name, the AWS names derived from it, labels (AWS tags) and annotations. */
final class IdentityCheck {

    static final Pattern JOB_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
    static final int MAX_JOB_NAME = 40;
    static final Set<String> RESERVED = Set.of("scheduler", "states", "execution");
    /** The deployment's own schedule in group {@code default} (deploy/template.yaml ResyncSchedule). */
    static final String RESYNC = "resync";
    /** AWS names built as {@code <instance>-<job>} and their documented maximum lengths. */
    private record NameLimit(String what, int max) {}

    private static final java.util.List<NameLimit> NAME_LIMITS = java.util.List.of(
            new NameLimit("IAM role name", 64), new NameLimit("schedule name", 64),
            new NameLimit("state machine name", 80), new NameLimit("task definition family", 255));
    /** The tag character set of the Resource Groups Tagging API. */
    private static final Pattern TAG_CHARS = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");
    /** 50 tags per resource, minus the five tags jobform sets (ownership, and the keep decision). */
    static final int MAX_LABELS = 45;

    private IdentityCheck() {}

    static void check(JsonNode job, String instance, Findings findings) {
        String name = job.path("metadata").path("name").asText();
        if (name.length() > MAX_JOB_NAME) {
            findings.error("/metadata/name", "job name '" + name + "' is " + name.length()
                    + " characters; at most " + MAX_JOB_NAME + " are allowed");
        } else if (!JOB_NAME.matcher(name).matches()) {
            findings.error("/metadata/name", "job name '" + name + "' must consist of lowercase letters, digits "
                    + "and '-', and start and end with a letter or digit");
        } else if (RESERVED.contains(name)) {
            findings.error("/metadata/name", "job name '" + name + "' is reserved (it would collide with the shared "
                    + "role " + instance + "-" + name + ")");
        } else if (name.equals(RESYNC)) {
            findings.error("/metadata/name", "job name '" + name + "' is reserved (the deployment's periodic resync "
                    + "is the schedule " + instance + "-resync in group default, where a kept job's schedule moves)");
        } else if (RESERVED.stream().anyMatch(r -> name.endsWith("-" + r))) {
            String suffix = RESERVED.stream().filter(r -> name.endsWith("-" + r)).findFirst().orElseThrow();
            String other = instance + "-" + name.substring(0, name.length() - suffix.length() - 1);
            findings.error("/metadata/name", "job name '" + name + "' gives the role " + instance + "-" + name
                    + ", the name of the shared " + suffix + " role of an instance named " + other
                    + " (IAM role names are unique per account); choose a name that does not end in -" + suffix);
        } else {
            String generated = instance + "-" + name;
            NAME_LIMITS.stream().filter(limit -> generated.length() > limit.max()).findFirst()
                    .ifPresent(limit -> findings.error("/metadata/name", "the " + limit.what() + " '" + generated
                            + "' would be " + generated.length() + " characters; AWS allows " + limit.max()));
        }
        labels(job.path("metadata").path("labels"), "/metadata/labels", findings);
        annotations(job.path("metadata").path("annotations"), findings);
    }

    /** @param base where the labels sit: a job's {@code /metadata/labels} or the defaults' {@code /spec/labels} */
    static void labels(JsonNode labels, String base, Findings findings) {
        if (labels.size() > MAX_LABELS) {
            findings.error(base, labels.size() + " labels; at most " + MAX_LABELS
                    + " fit on an AWS resource next to jobform's own tags");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String value = e.getValue().asText();
            String pointer = base + PositionIndex.segment(key);
            // Case-insensitive: a label like JobForm.IO/job imitates an ownership tag to a reader.
            String lowerKey = key.toLowerCase(Locale.ROOT);
            if (lowerKey.startsWith("aws:") || lowerKey.startsWith("jobform.io/")) {
                findings.errorAtKey(pointer, "label '" + key + "' uses a reserved prefix (aws: and jobform.io/ are "
                        + "reserved for AWS and jobform)");
            } else if (key.isEmpty() || key.length() > 128) {
                findings.errorAtKey(pointer, "label key is " + key.length() + " characters; AWS tag keys have 1 to 128");
            } else if (!TAG_CHARS.matcher(key).matches()) {
                findings.errorAtKey(pointer, "label key '" + key + "' has characters AWS tags do not allow "
                        + "(letters, digits, spaces and _ . : / = + - @)");
            }
            if (value.length() > 256) {
                findings.error(pointer, "label value is " + value.length() + " characters; AWS tag values have at most 256");
            } else if (!TAG_CHARS.matcher(value).matches()) {
                findings.error(pointer, "label value '" + value + "' has characters AWS tags do not allow "
                        + "(letters, digits, spaces and _ . : / = + - @)");
            }
        }
    }

    private static void annotations(JsonNode annotations, Findings findings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String pointer = "/metadata/annotations" + PositionIndex.segment(e.getKey());
            if (e.getKey().equals("jobform.io/prune")) {
                if (!Set.of("true", "false").contains(e.getValue().asText())) {
                    findings.error(pointer, "jobform.io/prune must be \"true\" or \"false\", found '"
                            + e.getValue().asText() + "'");
                }
            } else if (e.getKey().startsWith("jobform.io/")) {
                findings.errorAtKey(pointer, "unknown jobform annotation '" + e.getKey() + "' (known: jobform.io/prune)");
            }
        }
    }
}
