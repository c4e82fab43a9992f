package io.jobform.operate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a job's resources are in AWS right now, read for one job when it is described: the
 * status object says what jobform applied, this says what runs (a console change shows here
 * before the next reconcile repairs it).
 *
 * @param schedule       the live schedule, empty when the job has none in AWS
 * @param taskDefinition the ARN of the family's latest ACTIVE revision (what RunTask starts), when any
 */
public record LiveState(Optional<LiveSchedule> schedule, Optional<String> taskDefinition) {

    /** @param state ENABLED or DISABLED */
    public record LiveSchedule(String expression, String timezone, String state) {}

    /**
     * How the live resources differ from the status object: empty when observed equals desired.
     * Each entry names the resource, the live value and the applied one.
     */
    public List<String> differences(JobStatus status) {
        List<String> out = new ArrayList<>();
        Optional<ScheduleInfo> desired = status.schedule();
        if (desired.isPresent() != schedule.isPresent()) {
            out.add("Schedule: " + schedule.map(s -> "exists").orElse("missing") + " in AWS, "
                    + (desired.isPresent() ? "desired" : "not desired"));
        }
        desired.ifPresent(d -> schedule.ifPresent(live -> {
            if (!live.expression().equals(d.expression()) || !live.timezone().equals(d.timezone())) {
                out.add("Schedule: live " + live.expression() + " " + live.timezone() + ", desired " + d.display());
            }
            String wanted = d.suspended() ? "DISABLED" : "ENABLED";
            if (!live.state().equals(wanted)) {
                out.add("Schedule: live " + live.state() + ", desired " + wanted);
            }
        }));
        status.resources().stream().filter(r -> r.kind().equals("TaskDefinition")).findFirst().ifPresent(applied -> {
            if (!taskDefinition.equals(Optional.of(applied.arn()))) {
                out.add("TaskDefinition: live " + taskDefinition.map(LiveState::revision).orElse("none")
                        + ", applied " + revision(applied.arn()));
            }
        });
        return out;
    }

    /** {@code family:revision} of a task definition ARN. */
    public static String revision(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
