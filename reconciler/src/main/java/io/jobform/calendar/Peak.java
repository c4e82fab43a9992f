package io.jobform.calendar;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A minute in which several runs are scheduled to start.
 *
 * @param starts    every run scheduled to start in this minute
 * @param together  the runs among them without a flexible window: Scheduler starts them at the
 *                  same moment; a run with {@code jitterMinutes} starts somewhere in its window
 * @param vcpu      vCPU the starting runs ask for
 * @param memoryMiB memory the starting runs ask for
 * @param jobs      the starting jobs, by name
 */
public record Peak(ZonedDateTime at, int starts, int together, double vcpu, long memoryMiB, List<String> jobs) {}
