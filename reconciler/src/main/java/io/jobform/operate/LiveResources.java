package io.jobform.operate;

/** Reads a job's live resources (implemented over Scheduler and ECS by {@code io.jobform.aws.LiveReads}). */
@FunctionalInterface
public interface LiveResources {
    LiveState of(String job);
}
