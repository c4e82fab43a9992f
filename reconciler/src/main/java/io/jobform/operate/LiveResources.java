package io.jobform.operate;

import java.util.Map;

/** Reads jobs' live resources (implemented over Scheduler and ECS by {@code io.jobform.aws.LiveReads}). */
public interface LiveResources {

    /** One job, read directly (describe). */
    LiveState of(String job);

    /** Every job of the instance, by job name, from the services' listings (get jobs). */
    Map<String, LiveSummary> all();
}
