package io.jobform.resource;

/**
 * The kinds of AWS resource jobform owns, in creation order (a resource may depend only on
 * kinds before it); deletion runs in reverse, so a schedule stops firing before its target goes.
 */
public enum ResourceKind {
    SCHEDULE_GROUP("ScheduleGroup"),
    ROLE("Role"),
    TASK_DEFINITION("TaskDefinition"),
    STATE_MACHINE("StateMachine"),
    SCHEDULE("Schedule");

    private final String displayName;

    ResourceKind(String displayName) {
        this.displayName = displayName;
    }

    /** The {@code Kind} of {@code Kind/name} in every message. */
    public String displayName() {
        return displayName;
    }
}
