package io.jobform.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One store per region, created on first use, saved and restored as one JSON object with a
 * member per region: what every regional service of the emulator keeps. Not thread-safe on its
 * own; the owning service serialises access.
 */
public final class RegionalStores<S extends RegionalStores.Store> {

    /** A region's state, as it is saved and restored. */
    public interface Store {
        JsonNode snapshot();

        void restore(JsonNode state);
    }

    private final Map<String, S> regions = new TreeMap<>();
    private final Function<String, S> create;

    /** @param create a new, empty store for a region */
    public RegionalStores(Function<String, S> create) {
        this.create = create;
    }

    public S get(String region) {
        return regions.computeIfAbsent(region, create);
    }

    public Collection<S> all() {
        return regions.values();
    }

    /** A member per region. */
    public ObjectNode snapshot() {
        ObjectNode out = JsonBody.object();
        regions.forEach((region, store) -> out.set(region, store.snapshot()));
        return out;
    }

    /**
     * Replaces every region with the snapshot's; members named in {@code notRegions} belong to the
     * service itself and are skipped.
     */
    public void restore(JsonNode snapshot, String... notRegions) {
        regions.clear();
        java.util.Set<String> skip = java.util.Set.of(notRegions);
        snapshot.fields().forEachRemaining(e -> {
            if (!skip.contains(e.getKey())) {
                get(e.getKey()).restore(e.getValue());
            }
        });
    }
}
