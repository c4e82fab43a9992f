package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * CreateSchedule / UpdateSchedule for one job (EventBridge Scheduler member names). Schedules
 * cannot be tagged: ownership comes from the group, and {@code Description} is exactly
 * {@code jobform spec-hash=<hash>}. UpdateSchedule replaces every field, so this record is the
 * complete request.
 *
 * @param maximumWindowInMinutes present only when {@code flexibleTimeWindowMode} is {@code FLEXIBLE}
 * @param state                  {@code ENABLED} or {@code DISABLED} (suspend)
 * @param targetInput            the JSON string handed to StartExecution, with Scheduler's context placeholders
 */
public record ScheduleSpec(
        String name,
        String groupName,
        String scheduleExpression,
        String scheduleExpressionTimezone,
        String flexibleTimeWindowMode,
        Optional<Integer> maximumWindowInMinutes,
        String state,
        Optional<Instant> startDate,
        Optional<Instant> endDate,
        String targetArn,
        String targetRoleArn,
        String targetInput,
        int maximumEventAgeInSeconds,
        int maximumRetryAttempts,
        String jobName) implements ResourceSpec {

    public static final String DESCRIPTION_PREFIX = "jobform spec-hash=";

    @Override
    public ResourceId id() {
        return new ResourceId(ResourceKind.SCHEDULE, name);
    }

    @Override
    public Optional<String> job() {
        return Optional.of(jobName);
    }

    /** Schedules carry no tags. */
    @Override
    public Map<String, String> baseTags() {
        return Map.of();
    }

    @Override
    public Map<String, String> tags() {
        return Map.of();
    }

    @Override
    public String specHash() {
        return CanonicalJson.hash(content());
    }

    public String description() {
        return DESCRIPTION_PREFIX + specHash();
    }

    @Override
    public JsonNode body(Map<String, String> ignoredTags) {
        ObjectNode out = content();
        out.put("Description", description());
        return out;
    }

    private ObjectNode content() {
        ObjectNode out = CanonicalJson.object();
        out.put("Name", name);
        out.put("GroupName", groupName);
        out.put("ScheduleExpression", scheduleExpression);
        out.put("ScheduleExpressionTimezone", scheduleExpressionTimezone);
        ObjectNode window = out.putObject("FlexibleTimeWindow").put("Mode", flexibleTimeWindowMode);
        maximumWindowInMinutes.ifPresent(m -> window.put("MaximumWindowInMinutes", m));
        out.put("State", state);
        startDate.ifPresent(d -> out.put("StartDate", d.toString()));
        endDate.ifPresent(d -> out.put("EndDate", d.toString()));
        out.put("ActionAfterCompletion", "NONE");
        ObjectNode target = out.putObject("Target");
        target.put("Arn", targetArn);
        target.put("RoleArn", targetRoleArn);
        target.put("Input", targetInput);
        target.putObject("RetryPolicy")
                .put("MaximumEventAgeInSeconds", maximumEventAgeInSeconds)
                .put("MaximumRetryAttempts", maximumRetryAttempts);
        return out;
    }
}
