package io.jobform.emulator.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.RoleDirectory;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateSchedule/UpdateSchedule input checks (botocore scheduler/2021-06-30 shapes:
 * CreateScheduleInput, Target, RetryPolicy, FlexibleTimeWindow and their limits). Returns the
 * schedule body GetSchedule shows, with AWS's defaults filled in for members not sent: this
 * is what makes UpdateSchedule reset every omitted optional field (API_UpdateSchedule).
 */
final class ScheduleRules {
    static final Pattern NAME = Pattern.compile("^[0-9a-zA-Z-_.]+$");
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$");
    static final Pattern CLIENT_TOKEN = Pattern.compile("^[a-zA-Z0-9-_]+$");
    static final Pattern SQS_ARN = Pattern.compile("^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$");
    static final Pattern KMS_ARN = Pattern.compile("^arn:aws(-[a-z]+)?:kms:[a-z0-9\\-]+:\\d{12}:(key|alias)\\/[0-9a-zA-Z-_]*$");
    /** Scheduler's quota page gives 256 KB as the largest target payload. */
    static final int MAX_INPUT = 256 * 1024;
    static final String PRINCIPAL = "scheduler.amazonaws.com";

    private ScheduleRules() {}

    static ObjectNode validate(Fields in, RoleDirectory roles, Instant now) {
        ObjectNode out = JsonBody.object();
        String expression = in.requiredString("ScheduleExpression", 1, 256, null);
        ScheduleExpressions.validate(expression);
        out.put("ScheduleExpression", expression);
        in.string("ScheduleExpressionTimezone", 1, 50, null).ifPresent(zone -> {
            if (!zone.contains("/") && !zone.equals("UTC") && !zone.equals("GMT")) {
                throw SchedulerErrors.validation("Invalid ScheduleExpressionTimezone " + zone + ".");
            }
            try {
                ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw SchedulerErrors.validation("Invalid ScheduleExpressionTimezone " + zone + ".");
            }
            out.put("ScheduleExpressionTimezone", zone);
        });
        in.string("Description", 0, 512, null).ifPresent(d -> out.put("Description", d));
        in.string("ClientToken", 1, 64, CLIENT_TOKEN);
        out.put("State", in.enumValue("State", List.of("ENABLED", "DISABLED")).orElse("ENABLED"));
        out.put("ActionAfterCompletion", in.enumValue("ActionAfterCompletion", List.of("NONE", "DELETE")).orElse("NONE"));
        in.string("KmsKeyArn", 1, 2048, KMS_ARN).ifPresent(k -> out.put("KmsKeyArn", k));
        dates(in, out, now, ScheduleExpressions.oneTime(expression));
        out.set("FlexibleTimeWindow", flexibleTimeWindow(in.requiredObject("FlexibleTimeWindow")));
        out.set("Target", target(in.requiredObject("Target"), roles));
        return out;
    }

    /**
     * "The StartDate you specify cannot be earlier than 5 minutes ago." is Scheduler's own
     * text for recurring schedules; one-time schedules ignore both dates.
     */
    private static void dates(Fields in, ObjectNode out, Instant now, boolean oneTime) {
        Instant start = in.raw("StartDate").map(JsonBody::instant).orElse(null);
        Instant end = in.raw("EndDate").map(JsonBody::instant).orElse(null);
        if (!oneTime && start != null && start.isBefore(now.minus(Duration.ofMinutes(5)))) {
            throw SchedulerErrors.validation("The StartDate you specify cannot be earlier than 5 minutes ago.");
        }
        if (!oneTime && end != null && !end.isAfter(now)) {
            throw SchedulerErrors.validation("The EndDate you specify must be in the future.");
        }
        if (!oneTime && start != null && end != null && !end.isAfter(start)) {
            throw SchedulerErrors.validation("The EndDate you specify must be after the StartDate.");
        }
        if (start != null) {
            out.put("StartDate", JsonBody.epochSeconds(start));
        }
        if (end != null) {
            out.put("EndDate", JsonBody.epochSeconds(end));
        }
    }

    private static ObjectNode flexibleTimeWindow(Fields window) {
        String mode = window.enumValue("Mode", List.of("OFF", "FLEXIBLE"))
                .orElseThrow(() -> SchedulerErrors.validation(window.missing("Mode")));
        var max = window.integer("MaximumWindowInMinutes", 1, 1440);
        ObjectNode out = JsonBody.object();
        out.put("Mode", mode);
        if (mode.equals("FLEXIBLE")) {
            out.put("MaximumWindowInMinutes", max.orElseThrow(() -> SchedulerErrors.validation(
                    "MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE.")));
        } else if (max.isPresent()) {
            throw SchedulerErrors.validation("MaximumWindowInMinutes must not be set when FlexibleTimeWindow Mode is OFF.");
        }
        return out;
    }

    private static ObjectNode target(Fields target, RoleDirectory roles) {
        ObjectNode out = target.node().deepCopy();
        target.requiredString("Arn", 1, 1600, null);
        String role = target.requiredString("RoleArn", 1, 1600, ROLE_ARN);
        target.string("Input").ifPresent(input -> {
            if (input.isEmpty() || input.length() > MAX_INPUT) {
                throw SchedulerErrors.validation("Value at 'Target.Input' failed to satisfy constraint: Member must have "
                        + "length between 1 and " + MAX_INPUT);
            }
        });
        ObjectNode retry = JsonBody.object();
        var policy = target.object("RetryPolicy");
        retry.put("MaximumEventAgeInSeconds", policy.flatMap(p -> p.integer("MaximumEventAgeInSeconds", 60, 86400))
                .orElse(86400L));
        retry.put("MaximumRetryAttempts", policy.flatMap(p -> p.integer("MaximumRetryAttempts", 0, 185)).orElse(185L));
        out.set("RetryPolicy", retry);
        target.object("DeadLetterConfig").ifPresent(d -> d.string("Arn", 1, 1600, SQS_ARN));
        target.object("EcsParameters").ifPresent(e -> {
            e.requiredString("TaskDefinitionArn", 1, 1600, null);
            e.integer("TaskCount", 1, 10);
        });
        // Scheduler checks at create/update time that it can assume the execution role.
        if (roles.role(role).isEmpty() || !roles.assumableBy(role, PRINCIPAL)) {
            throw SchedulerErrors.validation("The execution role you provide must allow AWS EventBridge Scheduler to "
                    + "assume the role.");
        }
        return out;
    }
}
