package io.jobform.emulator.ecs;

import io.jobform.emulator.jsonapi.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ECS tag rules (botocore ecs Tags/TagKey/TagValue shapes and "Tagging your Amazon ECS
 * resources"): at most 50 tags per resource, key 1..128, value 0..256 characters from
 * letters, spaces, digits and _ . : / = + - @, and the aws: prefix reserved.
 */
final class EcsTags {
    static final int MAX_TAGS = 50;
    private static final Pattern CHARS = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private EcsTags() {}

    /** Reads a {@code [{key, value}]} list; duplicates keep the last value as ECS does. */
    static Map<String, String> read(List<Fields> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Fields tag : tags) {
            String key = tag.string("key").orElseThrow(() -> EcsErrors.invalidParameter("Tag key must not be empty"));
            String value = tag.string("value").orElse("");
            checkKey(key);
            if (value.length() > 256 || !CHARS.matcher(value).matches()) {
                throw EcsErrors.invalidParameter("Tag value '" + value
                        + "' is invalid: up to 256 letters, numbers, spaces and _ . : / = + - @ are allowed");
            }
            result.put(key, value);
        }
        return result;
    }

    static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 128 || !CHARS.matcher(key).matches()) {
            throw EcsErrors.invalidParameter("Tag key '" + key
                    + "' is invalid: 1 to 128 letters, numbers, spaces and _ . : / = + - @ are allowed");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw EcsErrors.invalidParameter("Tag keys prefixed with 'aws:' are reserved for AWS use: " + key);
        }
    }

    static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw EcsErrors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags; the request would give it "
                    + count);
        }
    }
}
