package io.jobform.sync;

import io.jobform.lambda.ManifestScope;
import io.jobform.source.ManifestListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares local manifests with the objects under the prefix. Pure. An object's ETag is the
 * MD5 of its bytes for single-part uploads to a bucket with SSE-S3 encryption (S3 API reference,
 * "Object" / ETag); a multipart ETag ({@code md5-N}) never matches and is simply uploaded again.
 */
public final class SyncPlanner {

    private SyncPlanner() {}

    public static SyncPlan plan(List<LocalFile> local, List<RemoteObject> remote, boolean delete) {
        Map<String, String> remoteEtags = remote.stream()
                .filter(o -> isManifest(o.key()))
                .collect(Collectors.toMap(RemoteObject::key, o -> o.etag().toLowerCase(), (a, b) -> a, TreeMap::new));
        Map<String, LocalFile> localByKey = local.stream()
                .collect(Collectors.toMap(LocalFile::key, Function.identity(), (a, b) -> a, TreeMap::new));
        List<SyncPlan.Upload> uploads = new ArrayList<>();
        int unchanged = 0;
        for (LocalFile file : localByKey.values()) {
            Optional<String> etag = Optional.ofNullable(remoteEtags.get(file.key()));
            if (etag.isEmpty()) {
                uploads.add(new SyncPlan.Upload(file, true));
            } else if (!etag.get().equals(file.md5Hex())) {
                uploads.add(new SyncPlan.Upload(file, false));
            } else {
                unchanged++;
            }
        }
        List<String> gone = remoteEtags.keySet().stream().filter(k -> !localByKey.containsKey(k)).toList();
        return new SyncPlan(uploads, delete ? gone : List.of(), delete ? List.of() : gone, unchanged);
    }

    /** Only manifests take part, and never jobform's own state (even when the prefix is the bucket root). */
    static boolean isManifest(String key) {
        return !key.startsWith(ManifestScope.OWN_OBJECTS_PREFIX) && ManifestListing.isManifestKey(key);
    }
}
