package io.jobform.sync;

import java.util.List;

/**
 * The bucket side of {@code jobform sync}. Implementations turn service errors into
 * {@link SyncStoreException} with a one-line message.
 */
public interface SyncStore {

    /** Every object under {@code prefix}, all pages. */
    List<RemoteObject> list(String bucket, String prefix);

    /** Uploads with a Content-MD5 so a corrupted upload is rejected by the service. */
    void put(String bucket, String key, byte[] content, String md5Base64);

    void delete(String bucket, String key);
}
