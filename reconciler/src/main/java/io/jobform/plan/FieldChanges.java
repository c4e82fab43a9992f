package io.jobform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The field-level difference between a resource's last applied spec and its desired one. Pure. */
public final class FieldChanges {

    private FieldChanges() {}

    /**
     * @param desired      the desired spec's fields as stored ({@link Masking} applied)
     * @param legacyFields the desired spec's fields in the older, hashed form's paths
     * @return every changed field, by path; empty when the last applied spec is unknown
     */
    public static List<FieldChange> between(LastApplied applied, Map<String, String> desired,
            Map<String, String> legacyFields) {
        if (applied.values().isEmpty()) {
            return FieldHashes.diff(legacyFields, applied.hashes());
        }
        List<FieldChange> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(desired.keySet());
        paths.addAll(applied.values().keySet());
        for (String path : paths) {
            String before = applied.values().get(path);
            String after = desired.get(path);
            if (before == null) {
                changes.add(new FieldChange(path, FieldValue.ABSENT, FieldValue.of(after)));
            } else if (after == null) {
                changes.add(new FieldChange(path, FieldValue.of(before), FieldValue.ABSENT));
            } else if (!before.equals(after)) {
                changes.add(new FieldChange(path, FieldValue.of(before), FieldValue.of(after)));
            }
        }
        return changes;
    }
}
