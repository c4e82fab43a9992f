package io.jobform.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Environment values and run input may hold data a pull-request comment or a CI log must not
 * show. Such a value is neither printed nor stored: the applied record keeps a short hash of it,
 * enough to say that it changed.
 */
public final class Masking {
    private static final String PREFIX = "(value not shown; hash ";

    private Masking() {}

    /** The rule every plan output follows: a field under an environment or an input is never shown. */
    public static boolean sensitive(String path, String value) {
        String lowerPath = path.toLowerCase(Locale.ROOT);
        String lower = (path + " " + value).toLowerCase(Locale.ROOT);
        return lowerPath.contains("input") || lower.contains("environment") || lower.contains("\"input\"");
    }

    /** The value itself, or its masked form when {@link #sensitive}. */
    public static String stored(String path, String value) {
        return sensitive(path, value) ? PREFIX + hash(value) + ")" : value;
    }

    static boolean isMasked(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** The first 8 hex digits of the value's SHA-256. */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
