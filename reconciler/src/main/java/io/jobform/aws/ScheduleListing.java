package io.jobform.aws;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule as ListSchedules or GetSchedule shows it. ListSchedules does not return the
 * Description (ScheduleSummary in the botocore scheduler model has no such member), so
 * {@code specHash} is known only after a GetSchedule.
 */
public record ScheduleListing(String name, String arn, String state, Instant lastModified, Optional<String> specHash) {}
