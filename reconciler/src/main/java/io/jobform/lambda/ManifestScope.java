package io.jobform.lambda;

import io.jobform.source.ManifestListing;
import java.util.Optional;

/**
 * Which objects are manifests of this instance: YAML files under the manifest prefix of the
 * instance's bucket, never jobform's own objects under {@code _jobform/} (writing status
 * must not wake the reconciler again).
 */
public record ManifestScope(String bucket, String prefix) {

    public static final String OWN_OBJECTS_PREFIX = "_jobform/";

    public ManifestScope {
        prefix = normalizePrefix(prefix);
    }

    /** {@code manifests} and {@code manifests/} mean the same folder; empty means the whole bucket. */
    public static String normalizePrefix(String prefix) {
        String trimmed = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    /** Why the change is not one of this instance's manifests, or empty when it is. */
    public Optional<String> exclusionOf(ObjectChange change) {
        if (!bucket.equals(change.bucket())) {
            return Optional.of("object in another bucket");
        }
        if (change.key().startsWith(OWN_OBJECTS_PREFIX)) {
            return Optional.of("jobform's own object under " + OWN_OBJECTS_PREFIX);
        }
        if (!change.key().startsWith(prefix)) {
            return Optional.of("object outside the manifest prefix '" + prefix + "'");
        }
        if (!ManifestListing.isManifestKey(change.key().substring(prefix.length()))) {
            return Optional.of("object is not a .yaml/.yml manifest (any letter case, not hidden)");
        }
        return Optional.empty();
    }
}
