package io.jobform.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Short hashes of a spec's fields. The inventory keeps these instead of the last applied
 * content (a state machine definition is kilobytes; 1,000 of them would make every reconcile
 * read megabytes), which is still enough to say which fields a change touches.
 */
public final class FieldHashes {
    private static final int MAX_SHOWN = 120;

    private FieldHashes() {}

    /** Field path to value text, to field path to an 8-hex-digit hash. */
    public static Map<String, String> of(Map<String, String> fieldValues) {
        Map<String, String> hashes = new TreeMap<>();
        fieldValues.forEach((path, value) -> hashes.put(path, hash(value)));
        return hashes;
    }

    /** The fields whose value differs from the recorded hashes; empty when nothing was recorded. */
    public static List<FieldDiff> diff(Map<String, String> desiredValues, Map<String, String> recordedHashes) {
        if (recordedHashes.isEmpty()) {
            return List.of();
        }
        List<FieldDiff> diffs = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(desiredValues.keySet());
        paths.addAll(recordedHashes.keySet());
        for (String path : paths) {
            String value = desiredValues.get(path);
            String recorded = recordedHashes.get(path);
            if (value == null) {
                diffs.add(new FieldDiff(path, "(removed)"));
            } else if (recorded == null || !recorded.equals(hash(value))) {
                diffs.add(new FieldDiff(path, shown(path, value)));
            }
        }
        return diffs;
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Environment values and run input may hold data a pull-request comment or a CI log must not
     * show; their diffs name the field only.
     */
    private static String shown(String path, String value) {
        String lower = (path + " " + value).toLowerCase(java.util.Locale.ROOT);
        boolean sensitive = path.toLowerCase(java.util.Locale.ROOT).contains("input")
                || lower.contains("environment") || lower.contains("\"input\"");
        return sensitive ? HIDDEN : shorten(value);
    }

    static final String HIDDEN = "(changed; value not shown)";

    private static String shorten(String value) {
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN - 3) + "...";
    }
}
