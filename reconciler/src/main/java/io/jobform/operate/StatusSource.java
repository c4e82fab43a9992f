package io.jobform.operate;

import java.util.List;
import java.util.Optional;

/** The instance's status objects (implemented over S3 by {@code io.jobform.aws.StatusObjects}). */
public interface StatusSource {

    /** The job's status object; empty when there is none. */
    Optional<JobStatus> job(String name);

    /** Every job's status object, by name. */
    List<JobStatus> all();

    /** Where the status objects live, for messages: {@code s3://bucket/_jobform/status/}. */
    String location();
}
