package io.jobform.aws;

import io.jobform.config.StateKeys;
import io.jobform.operate.JobStatus;
import io.jobform.operate.StatusSource;
import java.util.List;
import java.util.Optional;

/** Status objects in the instance's bucket: one LIST per 1,000 jobs and one GET per job read. */
public final class StatusObjects implements StatusSource {
    private final ObjectStore store;
    private final String prefix;

    public StatusObjects(ObjectStore store, StateKeys keys) {
        this.store = store;
        this.prefix = keys.statusPrefix();
    }

    @Override
    public Optional<JobStatus> job(String name) {
        return AwsErrors.translate("S3 GetObject", () -> store.get(JobStatus.key(prefix, name)))
                .map(o -> JobStatus.parse(name, o.key(), o.body()));
    }

    @Override
    public List<JobStatus> all() {
        return AwsErrors.translate("S3 ListObjectsV2", () -> store.list(prefix)).stream()
                .flatMap(o -> JobStatus.jobOf(prefix, o.key()).stream())
                .flatMap(name -> job(name).stream())
                .toList();
    }

    @Override
    public String location() {
        return "s3://" + store.bucket() + "/" + prefix;
    }
}
