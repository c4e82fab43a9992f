package io.jobform.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.aws.ObjectStore;
import io.jobform.plan.FieldHashes;
import io.jobform.resource.DesiredResource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-field hashes of what was last applied for one job, at {@code <job>.json} under the instance's applied prefix ({@link io.jobform.config.StateKeys})
 * ({@code _shared} for the instance's shared resources). Kept apart from the inventory, which
 * every reconcile reads: this object is read only when the plan updates one of the job's
 * resources, to name the fields that changed.
 */
final class AppliedFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, String>>> SHAPE = new TypeReference<>() {};

    private AppliedFields() {}

    static String key(String prefix, Optional<String> job) {
        return prefix + job.orElse("_shared") + ".json";
    }

    /** {@code Kind/name} to field hashes; empty when nothing was recorded or it is unreadable. */
    static Map<String, Map<String, String>> load(ObjectStore store, String prefix, Optional<String> job) {
        return store.get(key(prefix, job)).map(o -> {
            try {
                return JSON.readValue(o.body(), SHAPE);
            } catch (IOException e) {
                return Map.<String, Map<String, String>>of();
            }
        }).orElse(Map.of());
    }

    static void write(ObjectStore store, String prefix, Optional<String> job, List<? extends DesiredResource> applied) {
        Map<String, Map<String, String>> fields = new TreeMap<>();
        applied.forEach(d -> fields.put(d.id().toString(), FieldHashes.of(SpecFields.of(d))));
        try {
            store.put(key(prefix, job), JSON.writeValueAsBytes(fields));
        } catch (IOException e) {
            throw new IllegalStateException("field hashes are always serializable", e);
        }
    }
}
