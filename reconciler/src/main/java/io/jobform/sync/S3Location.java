package io.jobform.sync;

import io.jobform.lambda.ManifestScope;
import java.util.Optional;

/** {@code s3://bucket/prefix}, the prefix normalized to end with a slash (or empty). */
public record S3Location(String bucket, String prefix) {

    /** The parsed location, or empty with nothing to say beyond "not s3://bucket/prefix". */
    public static Optional<S3Location> parse(String uri) {
        if (!uri.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            return Optional.empty();
        }
        return Optional.of(new S3Location(bucket, ManifestScope.normalizePrefix(prefix)));
    }

    /** jobform's own objects live under {@code _jobform/}: sync never writes or deletes there. */
    public boolean ownsReconcilerState() {
        return prefix.startsWith(ManifestScope.OWN_OBJECTS_PREFIX);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
