package io.jobform.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.JobSpec;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduledJob;
import java.util.Optional;

/**
 * Renders a job's EventBridge Scheduler schedule. Sources: Scheduler API reference CreateSchedule
 * (FlexibleTimeWindow, RetryPolicy ranges), user guide "Adding context attributes"
 * ({@code <aws.scheduler.scheduled-time>}, {@code <aws.scheduler.execution-id>}).
 */
final class ScheduleRenderer {

    /** RetryPolicy.MaximumEventAgeInSeconds range and Scheduler's defaults. */
    static final int MIN_EVENT_AGE = 60;
    static final int MAX_EVENT_AGE = 86_400;
    static final int DEFAULT_RETRY_ATTEMPTS = 185;

    private ScheduleRenderer() {}

    /** Empty for an on-demand job (no schedule in the manifest). */
    static Optional<ScheduleSpec> render(ScheduledJob job, Names names) {
        JobSpec spec = job.spec();
        return spec.schedule().map(schedule -> build(job, schedule, names));
    }

    private static ScheduleSpec build(ScheduledJob job, Schedule schedule, Names names) {
        JobSpec spec = job.spec();
        ObjectNode input = CanonicalJson.object();
        input.set("input", spec.input());
        input.put("scheduledTime", "<aws.scheduler.scheduled-time>");
        input.put("executionId", "<aws.scheduler.execution-id>");
        boolean flexible = schedule.jitterMinutes().filter(m -> m > 0).isPresent();
        // A run that Scheduler could not deliver within the starting deadline is dropped there.
        // The state machine allows startingDeadlineSeconds plus the flexible window after the
        // scheduled time, and Scheduler counts the event's age from no earlier than that time, so
        // the same allowance here never drops a run the deadline check would have let start.
        int window = flexible ? schedule.jitterMinutes().get() * 60 : 0;
        int eventAge = spec.startingDeadlineSeconds()
                .map(d -> Math.max(MIN_EVENT_AGE, Math.min(MAX_EVENT_AGE, d + window)))
                .orElse(MAX_EVENT_AGE);
        return new ScheduleSpec(
                names.jobResource(job.name()),
                names.scheduleGroup(),
                schedule.expression().awsExpression(),
                schedule.timezone().getId(),
                flexible ? "FLEXIBLE" : "OFF",
                flexible ? schedule.jitterMinutes() : Optional.empty(),
                spec.suspend() ? "DISABLED" : "ENABLED",
                schedule.startDate(),
                schedule.endDate(),
                names.stateMachineArn(job.name()),
                names.roleArn(names.sharedRole(Names.SCHEDULER_ROLE)),
                CanonicalJson.write(input),
                eventAge,
                DEFAULT_RETRY_ATTEMPTS,
                job.name());
    }
}
