package io.jobform.manifest;

import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a parsed YAML document sits in its file, keyed by JSON pointer
 * ({@code /spec/container/memory}, {@code ""} for the root).
 *
 * @param values where each node's value starts
 * @param keys   where the mapping key naming each node starts (absent for the root and list items)
 */
public record PositionIndex(Map<String, SourcePosition> values, Map<String, SourcePosition> keys) {

    public PositionIndex {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** The value's position, or the nearest ancestor's when the pointer does not exist. */
    public SourcePosition valueAt(String pointer) {
        return find(values, pointer).orElseGet(() -> values.get(""));
    }

    /** The key's position (falling back to the value, then to the nearest ancestor). */
    public SourcePosition keyAt(String pointer) {
        return Optional.ofNullable(keys.get(pointer)).orElseGet(() -> valueAt(pointer));
    }

    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    private static Optional<SourcePosition> find(Map<String, SourcePosition> map, String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition found = map.get(p);
            if (found != null) {
                return Optional.of(found);
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Escapes one key as a JSON pointer segment (RFC 6901). */
    public static String segment(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /spec/container/memory} to {@code spec.container.memory}, list indexes as {@code [0]}. */
    public static String fieldPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String seg = raw.replace("~1", "/").replace("~0", "~");
            if (seg.chars().allMatch(Character::isDigit)) {
                out.append('[').append(seg).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(seg);
            }
        }
        return out.toString();
    }

}
