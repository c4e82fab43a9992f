package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.aws.ObjectStore;
import io.jobform.plan.LastApplied;
import io.jobform.resource.DesiredResource;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The field values last applied for one job, at {@code <job>.json} under the instance's applied
 * prefix ({@link io.jobform.config.StateKeys})
 * ({@code _shared} for the instance's shared resources), sensitive values masked. Kept apart
 * from the inventory, which every reconcile reads: this object is read only when the plan
 * updates or deletes one of the job's resources, to show each changed field before and after.
 * Records written before values were kept hold per-field hashes only; they still name the
 * changed fields.
 */
final class AppliedFields {
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppliedFields() {}

    static String key(String prefix, Optional<String> job) {
        return prefix + job.orElse("_shared") + ".json";
    }

    /** {@code Kind/name} to what was last applied; empty when nothing was recorded or it is unreadable. */
    static Map<String, LastApplied> load(ObjectStore store, String prefix, Optional<String> job) {
        return store.get(key(prefix, job)).map(o -> {
            try {
                return parse(JSON.readTree(o.body()));
            } catch (IOException | RuntimeException e) {
                return Map.<String, LastApplied>of();
            }
        }).orElse(Map.of());
    }

    private static Map<String, LastApplied> parse(JsonNode root) {
        Map<String, LastApplied> out = new HashMap<>();
        boolean withValues = root.path("version").asInt() == VERSION;
        JsonNode resources = withValues ? root.path("resources") : root;
        Iterator<Map.Entry<String, JsonNode>> entries = resources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            Map<String, String> fields = new TreeMap<>();
            e.getValue().fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            out.put(e.getKey(), withValues ? new LastApplied(fields, Map.of()) : new LastApplied(Map.of(), fields));
        }
        return out;
    }

    /**
     * The jobs whose records the plan needs: those with an update, and, when the plan also
     * creates a job, those with a deletion (a rename is told by content).
     */
    static Set<Optional<String>> worthReading(Plan plan) {
        Set<Optional<String>> jobs = new HashSet<>();
        boolean creates = plan.changes().stream().anyMatch(c -> c instanceof Change.Create && c.job().isPresent());
        for (Change c : plan.changes()) {
            if (c instanceof Change.Update || (creates && c instanceof Change.Delete && c.job().isPresent())) {
                jobs.add(c.job());
            }
        }
        return jobs;
    }

    static void write(ObjectStore store, String prefix, Optional<String> job, List<? extends DesiredResource> applied) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ObjectNode resources = root.putObject("resources");
        applied.forEach(d -> {
            ObjectNode fields = resources.putObject(d.id().toString());
            SpecValues.of(d).forEach(fields::put);
        });
        try {
            store.put(key(prefix, job), JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("field values are always serializable", e);
        }
    }
}
