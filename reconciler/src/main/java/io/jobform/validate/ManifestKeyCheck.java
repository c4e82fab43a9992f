package io.jobform.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A manifest's key is recorded on every resource of its job as the {@code jobform.io/manifest}
 * tag, so it must be a valid AWS tag value: at most 256 characters, letters, digits, spaces and
 * {@code _ . : / = + - @} (IAM and ECS tag value pattern {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]*}).
 * A key like {@code 100%/job.yaml} would otherwise validate and then fail at every apply.
 */
final class ManifestKeyCheck {
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");
    private static final int MAX = 256;

    private ManifestKeyCheck() {}

    static Optional<String> problem(String key) {
        if (key.length() > MAX) {
            return Optional.of("manifest key is " + key.length() + " characters; it becomes the jobform.io/manifest "
                    + "tag, and AWS tag values have at most " + MAX);
        }
        if (!TAG_VALUE.matcher(key).matches()) {
            return Optional.of("manifest key '" + key + "' becomes the jobform.io/manifest tag, and AWS tag values "
                    + "allow only letters, digits, spaces and _ . : / = + - @; rename the file");
        }
        return Optional.empty();
    }
}
