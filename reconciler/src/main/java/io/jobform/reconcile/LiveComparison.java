package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.plan.FieldHashes;
import io.jobform.plan.LastApplied;
import io.jobform.plan.LiveResource;
import io.jobform.plan.ObservedResource;
import io.jobform.render.CanonicalJson;
import io.jobform.render.ResourceSpec;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The deep drift check: each owned resource's live content, read by the adapter in the shape of
 * its request, compared field by field with the desired request. Pure. A resource whose fields
 * all match is observed with the desired hash (the planner keeps it); one that differs is
 * observed without a hash and with field hashes that name exactly the differing fields (the
 * planner updates it and shows them). Object keys are compared sorted, so key order never
 * counts as a difference.
 */
public final class LiveComparison {

    private LiveComparison() {}

    /**
     * Fields jobform does not converge are not compared: a role's description is set at creation
     * only, and a schedule's description is its spec hash.
     */
    private static final Map<ResourceKind, List<String>> NOT_COMPARED = Map.of(
            ResourceKind.ROLE, List.of("Description"),
            ResourceKind.SCHEDULE, List.of("Description"));

    /** @param live an observed resource read live; empty when it is gone */
    public static List<ObservedResource> compare(Collection<? extends DesiredResource> desired,
            List<ObservedResource> observed, Function<ObservedResource, Optional<LiveResource>> live) {
        Map<ResourceId, ResourceSpec> wanted = new HashMap<>();
        desired.forEach(d -> {
            if (d instanceof ResourceSpec spec) {
                wanted.put(d.id(), spec);
            }
        });
        return observed.stream().map(o -> {
            ResourceSpec spec = wanted.get(o.id());
            if (spec == null || !o.owned()) {
                return o; // pruned or not jobform's: nothing to compare with
            }
            return live.apply(o).map(l -> compared(spec, o, l)).orElse(o.withoutHash());
        }).toList();
    }

    static ObservedResource compared(ResourceSpec spec, ObservedResource o, LiveResource live) {
        Map<String, String> shown = SpecFields.of(spec);
        Map<String, String> want = fields(spec.id().kind(), spec.body(spec.baseTags()));
        Map<String, String> have = fields(spec.id().kind(), live.body());
        Map<String, String> recorded = new TreeMap<>();
        boolean same = true;
        TreeSet<String> paths = new TreeSet<>(want.keySet());
        paths.addAll(have.keySet());
        for (String path : paths) {
            String w = want.get(path);
            String h = have.get(path);
            if (w != null && w.equals(h)) {
                recorded.put(path, shown.getOrDefault(path, w)); // hashes as the desired value: no diff
            } else {
                same = false;
                if (h != null) {
                    recorded.put(path, h); // a different hash, or a field only AWS has: "(removed)"
                }
            }
        }
        NOT_COMPARED.getOrDefault(spec.id().kind(), List.of()).stream().filter(shown::containsKey)
                .forEach(path -> recorded.put(path, shown.get(path))); // never named as a difference
        // As hashes, the record form that names fields without holding values: live values are
        // not masked, and a live env value must not reach a plan.
        ObservedResource withFields = o.withLastApplied(new LastApplied(Map.of(), FieldHashes.of(recorded)));
        if (same) {
            return withFields.withSpecHash(spec.specHash());
        }
        // A revision registered by hand is what RunTask starts: it is superseded, not adopted.
        return (spec.id().kind() == ResourceKind.TASK_DEFINITION ? withFields.atRevision(live.arn()) : withFields)
                .withoutHash();
    }

    private static Map<String, String> fields(ResourceKind kind, JsonNode body) {
        Map<String, String> fields = SpecFields.of(CanonicalJson.sorted(body));
        NOT_COMPARED.getOrDefault(kind, List.of()).forEach(fields::remove);
        return fields;
    }
}
