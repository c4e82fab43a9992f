package io.jobform.sync;

import java.util.List;

/**
 * What a sync will do, in key order.
 *
 * @param uploads    new or changed files
 * @param deletes    remote manifests without a local file (only with --delete)
 * @param remoteOnly remote manifests without a local file, kept because --delete was not given
 * @param unchanged  files whose MD5 equals the object's ETag
 */
public record SyncPlan(List<Upload> uploads, List<String> deletes, List<String> remoteOnly, int unchanged) {

    public record Upload(LocalFile file, boolean isNew) {}

    public SyncPlan {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
        remoteOnly = List.copyOf(remoteOnly);
    }
}
