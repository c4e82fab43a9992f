package io.jobform.plan;

import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds renamed jobs in a plan. A job {@code old} is renamed to {@code new} when every step of
 * {@code old} deletes a resource, every step of {@code new} creates one, and either
 * <ul>
 *   <li>{@code new}'s manifest file is the one {@code old}'s resources were made from, or</li>
 *   <li>for each resource kind, {@code old}'s last applied fields equal {@code new}'s desired ones
 *       once {@code old} is replaced by {@code new} wherever it appears as a word, leaving out the
 *       manifest tag (the file may have moved).</li>
 * </ul>
 * An old job that matches more than one new job, or a new job more than one old, is no rename:
 * the plan then shows a plain create and delete.
 */
public final class Renames {
    private static final String MANIFEST_TAG = "[\"" + OwnershipTags.MANIFEST + "\"]";

    private Renames() {}

    public static List<Rename> in(List<Change> changes, Function<DesiredResource, DesiredFields> fields) {
        Map<String, List<Change>> byJob = changes.stream().filter(c -> c.job().isPresent())
                .collect(Collectors.groupingBy(c -> c.job().orElseThrow(), TreeMap::new, Collectors.toList()));
        Map<String, List<Change.Delete>> gone = new TreeMap<>();
        Map<String, List<Change.Create>> made = new TreeMap<>();
        byJob.forEach((job, steps) -> {
            if (steps.stream().allMatch(c -> c instanceof Change.Delete)) {
                gone.put(job, steps.stream().map(Change.Delete.class::cast).toList());
            } else if (steps.stream().allMatch(c -> c instanceof Change.Create)) {
                made.put(job, steps.stream().map(Change.Create.class::cast).toList());
            }
        });
        // Each new job's fields are computed once, and only when an old job's content is compared.
        Map<String, Map<ResourceKind, Map<String, String>>> madeFields = new HashMap<>();
        Function<String, Map<ResourceKind, Map<String, String>>> contentOf = job -> madeFields.computeIfAbsent(job,
                j -> content(made.get(j), fields));
        List<Rename> candidates = new ArrayList<>();
        gone.forEach((from, deletes) -> made.forEach((to, creates) -> evidence(from, deletes, to, creates, contentOf)
                .ifPresent(e -> candidates.add(new Rename(from, to, e)))));
        return candidates.stream()
                .filter(r -> candidates.stream().filter(o -> o.from().equals(r.from())).count() == 1)
                .filter(r -> candidates.stream().filter(o -> o.to().equals(r.to())).count() == 1)
                .toList();
    }

    private static Optional<Rename.Evidence> evidence(String from, List<Change.Delete> deletes, String to,
            List<Change.Create> creates, Function<String, Map<ResourceKind, Map<String, String>>> contentOf) {
        Optional<String> oldFile = deletes.stream().flatMap(d -> d.observed().manifest().stream()).findFirst();
        Optional<String> newFile = creates.stream()
                .map(c -> c.desired().tags().get(OwnershipTags.MANIFEST)).filter(Objects::nonNull).findFirst();
        if (oldFile.isPresent() && oldFile.equals(newFile)) {
            return Optional.of(Rename.Evidence.SAME_FILE);
        }
        Map<ResourceKind, Map<String, String>> before = new TreeMap<>();
        for (Change.Delete d : deletes) {
            Map<String, String> values = d.observed().lastApplied().values();
            if (values.isEmpty()) {
                return Optional.empty();
            }
            before.put(d.id().kind(), renamed(values, from, to));
        }
        return before.equals(contentOf.apply(to)) ? Optional.of(Rename.Evidence.SAME_CONTENT) : Optional.empty();
    }

    private static Map<ResourceKind, Map<String, String>> content(List<Change.Create> creates,
            Function<DesiredResource, DesiredFields> fields) {
        Map<ResourceKind, Map<String, String>> out = new TreeMap<>();
        creates.forEach(c -> out.put(c.id().kind(), withoutManifest(fields.apply(c.desired()).values())));
        return out;
    }

    private static Map<String, String> renamed(Map<String, String> values, String from, String to) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(from) + "(?![A-Za-z0-9])");
        String replacement = Matcher.quoteReplacement(to);
        Map<String, String> out = new TreeMap<>();
        values.forEach((path, value) -> out.put(word.matcher(path).replaceAll(replacement),
                word.matcher(value).replaceAll(replacement)));
        return withoutManifest(out);
    }

    private static Map<String, String> withoutManifest(Map<String, String> values) {
        Map<String, String> out = new TreeMap<>(values);
        out.keySet().removeIf(path -> path.endsWith(MANIFEST_TAG));
        return out;
    }
}
