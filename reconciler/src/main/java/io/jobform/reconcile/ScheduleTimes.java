package io.jobform.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code Schedule/<name>} to the schedule's last-modified time after jobform applied it: the one
 * part of the inventory {@code get jobs} needs, kept in its own object ({@link
 * io.jobform.config.StateKeys#scheduleTimes()}) so that operators need no access to the inventory,
 * which holds manifest text.
 */
public final class ScheduleTimes {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, String>> SHAPE = new TypeReference<>() {};

    private ScheduleTimes() {}

    /** The schedules' recorded times in an inventory. */
    static Map<String, String> of(Inventory inventory) {
        Map<String, String> times = new TreeMap<>();
        inventory.resources().forEach((id, entry) -> {
            if (id.startsWith("Schedule/") && !entry.modified().isEmpty()) {
                times.put(id, entry.modified());
            }
        });
        return times;
    }

    static byte[] toJson(Map<String, String> times) {
        try {
            return JSON.writeValueAsBytes(new TreeMap<>(times));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is always serializable", e);
        }
    }

    /** Empty when the object is unreadable: {@code get jobs} then says nothing about edits. */
    public static Map<String, String> parse(byte[] json) {
        try {
            return Optional.ofNullable(JSON.readValue(json, SHAPE)).orElse(Map.of());
        } catch (IOException e) {
            return Map.of();
        }
    }
}
