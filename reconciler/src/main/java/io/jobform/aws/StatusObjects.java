package io.jobform.aws;

import io.jobform.operate.JobStatus;
import io.jobform.operate.StatusSource;
import java.util.List;
import java.util.Optional;

/** Status objects in the instance's bucket: one LIST per 1,000 jobs and one GET per job read. */
public final class StatusObjects implements StatusSource {
    private final ObjectStore store;

    public StatusObjects(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Optional<JobStatus> job(String name) {
        return AwsErrors.translate("S3 GetObject", () -> store.get(JobStatus.key(name)))
                .map(o -> JobStatus.parse(name, o.body()));
    }

    @Override
    public List<JobStatus> all() {
        return AwsErrors.translate("S3 ListObjectsV2", () -> store.list(JobStatus.PREFIX)).stream()
                .flatMap(o -> JobStatus.jobOf(o.key()).stream())
                .flatMap(name -> job(name).stream())
                .toList();
    }

    @Override
    public String location() {
        return "s3://" + store.bucket() + "/" + JobStatus.PREFIX;
    }
}
