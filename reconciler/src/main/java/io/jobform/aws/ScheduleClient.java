package io.jobform.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/** EventBridge Scheduler: the instance's schedule group and the schedules in it. */
public final class ScheduleClient {
    private static final Pattern HASH = Pattern.compile("spec-hash=([0-9a-f]+)");

    private final SchedulerClient scheduler;

    public ScheduleClient(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** Every schedule in the group, 100 per call; empty when the group does not exist yet. */
    public List<ScheduleListing> list(String group) {
        List<ScheduleListing> all = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListSchedulesResponse page = scheduler.listSchedules(b -> b.groupName(group).maxResults(100).nextToken(next));
                page.schedules().forEach(s -> all.add(new ScheduleListing(s.name(), s.arn(), s.stateAsString(),
                        s.lastModificationDate(), Optional.empty())));
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        return all;
    }

    public Optional<ScheduleListing> get(String group, String name) {
        try {
            GetScheduleResponse s = scheduler.getSchedule(b -> b.groupName(group).name(name));
            return Optional.of(new ScheduleListing(s.name(), s.arn(), s.stateAsString(), s.lastModificationDate(),
                    hashOf(s.description())));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Creates the schedule, or updates it when it already exists (a rerun after a crash). */
    public String put(CreateScheduleRequest create, UpdateScheduleRequest update) {
        try {
            return scheduler.createSchedule(create).scheduleArn();
        } catch (ConflictException e) {
            return scheduler.updateSchedule(update).scheduleArn();
        }
    }

    /** UpdateSchedule replaces every field, so the request always carries the full spec. */
    public String update(UpdateScheduleRequest update, CreateScheduleRequest create) {
        try {
            return scheduler.updateSchedule(update).scheduleArn();
        } catch (ResourceNotFoundException e) {
            return scheduler.createSchedule(create).scheduleArn(); // deleted by hand since observation
        }
    }

    public void delete(String group, String name) {
        try {
            scheduler.deleteSchedule(b -> b.groupName(group).name(name));
        } catch (ResourceNotFoundException e) {
            // already gone: deleting is idempotent
        }
    }

    /** The group's ARN when it exists: GetScheduleGroup, a direct read of the group itself. */
    public Optional<String> group(String group) {
        try {
            return Optional.of(scheduler.getScheduleGroup(b -> b.name(group)).arn());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    public java.util.Map<String, String> groupTags(String arn) {
        return groupTagsIfExists(arn).orElse(java.util.Map.of());
    }

    /** The group's tags, or empty when the group is gone. */
    public Optional<java.util.Map<String, String>> groupTagsIfExists(String arn) {
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        try {
            scheduler.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(tags);
    }

    public String ensureGroup(String group, java.util.Map<String, String> tags) {
        try {
            return scheduler.getScheduleGroup(b -> b.name(group)).arn();
        } catch (ResourceNotFoundException e) {
            try {
                return scheduler.createScheduleGroup(b -> b.name(group).tags(tags.entrySet().stream()
                        .map(t -> software.amazon.awssdk.services.scheduler.model.Tag.builder()
                                .key(t.getKey()).value(t.getValue()).build()).toList()))
                        .scheduleGroupArn();
            } catch (ConflictException raced) {
                return scheduler.getScheduleGroup(b -> b.name(group)).arn();
            }
        }
    }

    public void tagGroup(String arn, java.util.Map<String, String> tags) {
        java.util.List<String> stale = StaleTags.of(groupTags(arn), tags);
        if (!stale.isEmpty()) {
            scheduler.untagResource(b -> b.resourceArn(arn).tagKeys(stale));
        }
        scheduler.tagResource(b -> b.resourceArn(arn).tags(tags.entrySet().stream()
                .map(t -> software.amazon.awssdk.services.scheduler.model.Tag.builder()
                        .key(t.getKey()).value(t.getValue()).build()).toList()));
    }

    static Optional<String> hashOf(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = HASH.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Deletes the group; Scheduler deletes the schedules still in it too (DeleteScheduleGroup,
     * EventBridge Scheduler API reference). Only {@code jobform destroy} calls it.
     */
    public void deleteGroup(String group) {
        try {
            scheduler.deleteScheduleGroup(b -> b.name(group));
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }

    /** The role a schedule's target runs with, empty when the schedule is gone. */
    public Optional<String> targetRoleArn(String group, String name) {
        try {
            return Optional.ofNullable(scheduler.getSchedule(b -> b.groupName(group).name(name)).target().roleArn());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Moves the schedule out of the instance's group into {@code default}: it keeps firing, unmanaged. */
    /**
     * Moves a kept schedule into group {@code default}: a copy there, then the original goes.
     *
     * @return false when {@code default} already holds a schedule of that name that is not this
     *         one's copy (another team's, or the deployment's own): the original then stays
     */
    public boolean disown(String group, String name) {
        try {
            GetScheduleResponse existing = scheduler.getSchedule(b -> b.groupName(group).name(name));
            try {
                scheduler.createSchedule(ScheduleRequests.copy(existing, KEPT_GROUP, group));
            } catch (ConflictException e) {
                // Copied before a crash, or someone else's: only a schedule starting the same state
                // machine with the same role can be the copy; anything else proves nothing.
                GetScheduleResponse other = scheduler.getSchedule(b -> b.groupName(KEPT_GROUP).name(name));
                if (!other.target().arn().equals(existing.target().arn())
                        || !other.target().roleArn().equals(existing.target().roleArn())) {
                    return false;
                }
            }
            scheduler.deleteSchedule(b -> b.groupName(group).name(name));
        } catch (ResourceNotFoundException e) {
            // already moved
        }
        return true;
    }

    /**
     * A kept job's manifest is back: its copy in {@code default}, recognised by the description
     * jobform gave it and the state machine it starts, goes, so the job does not run twice.
     */
    public void removeKeptCopy(String group, String name, String stateMachineArn) {
        try {
            GetScheduleResponse copy = scheduler.getSchedule(b -> b.groupName(KEPT_GROUP).name(name));
            if (ScheduleRequests.keptDescription(group).equals(copy.description())
                    && stateMachineArn.equals(copy.target().arn())) {
                scheduler.deleteSchedule(b -> b.groupName(KEPT_GROUP).name(name));
            }
        } catch (ResourceNotFoundException e) {
            // never moved, or removed by hand
        }
    }

    /** Where kept schedules go: a schedule cannot be tagged, it is owned through its group. */
    public static final String KEPT_GROUP = "default";
}
