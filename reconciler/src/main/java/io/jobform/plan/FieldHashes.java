package io.jobform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Short hashes of a spec's fields: the form applied records had before they kept values. Such a
 * record still says which fields a change touches, but not what they were.
 */
public final class FieldHashes {

    private FieldHashes() {}

    /** Field path to value text, to field path to an 8-hex-digit hash. */
    public static Map<String, String> of(Map<String, String> fieldValues) {
        Map<String, String> hashes = new TreeMap<>();
        fieldValues.forEach((path, value) -> hashes.put(path, Masking.hash(value)));
        return hashes;
    }

    /** The fields whose value differs from the recorded hashes; empty when nothing was recorded. */
    public static List<FieldChange> diff(Map<String, String> desiredValues, Map<String, String> recordedHashes) {
        if (recordedHashes.isEmpty()) {
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(desiredValues.keySet());
        paths.addAll(recordedHashes.keySet());
        for (String path : paths) {
            String value = desiredValues.get(path);
            String recorded = recordedHashes.get(path);
            if (value == null) {
                changes.add(new FieldChange(path, FieldValue.UNKNOWN, FieldValue.ABSENT));
            } else if (recorded == null) {
                changes.add(new FieldChange(path, FieldValue.ABSENT, shown(path, value)));
            } else if (!recorded.equals(Masking.hash(value))) {
                changes.add(new FieldChange(path, FieldValue.UNKNOWN, shown(path, value)));
            }
        }
        return changes;
    }

    private static FieldValue shown(String path, String value) {
        return Masking.sensitive(path, value) ? FieldValue.HIDDEN : new FieldValue.Known(value);
    }
}
