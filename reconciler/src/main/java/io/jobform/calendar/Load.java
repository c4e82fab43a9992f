package io.jobform.calendar;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The most Fargate capacity of one pool (on-demand or Spot) that runs may hold at once.
 *
 * @param at        the first minute it is reached, in the calendar's zone
 * @param jobs      the jobs that may be running then
 * @param quota     the account's vCPU quota for the pool
 */
public record Load(String pool, double vcpu, long memoryMiB, ZonedDateTime at, List<String> jobs, double quota) {

    public boolean exceedsQuota() {
        return vcpu > quota;
    }
}
