package io.jobform.operate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code get jobs} knows of a job's live resources from the services' listings alone (a
 * few calls for all jobs, none per job): the schedule's state and whether it was modified after
 * jobform last applied it (ListSchedules has no expression, but its last-modified time moves
 * with every edit), and the family's latest ACTIVE revision.
 *
 * @param scheduleState    ENABLED or DISABLED; empty when the job has no schedule in AWS
 * @param scheduleEdited   the schedule was modified after jobform's last apply of it
 * @param taskDefinition   the ARN of the family's latest ACTIVE revision, when any
 */
public record LiveSummary(Optional<String> scheduleState, boolean scheduleEdited, Optional<String> taskDefinition) {

    /** How the live resources differ from what the status object says jobform applied; empty when they match. */
    public List<String> differences(JobStatus status) {
        List<String> out = new ArrayList<>();
        Optional<ScheduleInfo> desired = status.schedule();
        if (desired.isPresent() != scheduleState.isPresent()) {
            out.add("Schedule: " + (scheduleState.isPresent() ? "exists" : "missing") + " in AWS, "
                    + (desired.isPresent() ? "desired" : "not desired"));
        }
        desired.ifPresent(d -> scheduleState.ifPresent(live -> {
            String wanted = d.suspended() ? "DISABLED" : "ENABLED";
            if (!live.equals(wanted)) {
                out.add("Schedule: live " + live + ", desired " + wanted);
            }
            if (scheduleEdited) {
                out.add("Schedule: modified in AWS after jobform applied it");
            }
        }));
        status.resources().stream().filter(r -> r.kind().equals("TaskDefinition")).findFirst().ifPresent(applied -> {
            if (!taskDefinition.equals(Optional.of(applied.arn()))) {
                out.add("TaskDefinition: live " + taskDefinition.map(LiveState::revision).orElse("none")
                        + ", applied " + LiveState.revision(applied.arn()));
            }
        });
        return out;
    }
}
