package io.jobform.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.render.CanonicalJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/** The live schedule, schedule group and role, in their request shapes (see {@link LiveSpecReader}). */
final class LiveSpecReads {

    private LiveSpecReads() {}

    static Optional<JsonNode> schedule(SchedulerClient scheduler, String group, String name) {
        GetScheduleResponse s;
        try {
            s = scheduler.getSchedule(b -> b.groupName(group).name(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        ObjectNode out = CanonicalJson.object();
        out.put("Name", s.name());
        out.put("GroupName", s.groupName());
        out.put("ScheduleExpression", s.scheduleExpression());
        // ScheduleExpressionTimezone: "by default ... UTC"; ActionAfterCompletion defaults to NONE
        // (EventBridge Scheduler API reference, CreateSchedule).
        out.put("ScheduleExpressionTimezone", s.scheduleExpressionTimezone() == null ? "UTC"
                : s.scheduleExpressionTimezone());
        ObjectNode window = out.putObject("FlexibleTimeWindow").put("Mode", s.flexibleTimeWindow().modeAsString());
        if (s.flexibleTimeWindow().maximumWindowInMinutes() != null) {
            window.put("MaximumWindowInMinutes", s.flexibleTimeWindow().maximumWindowInMinutes());
        }
        out.put("State", s.stateAsString());
        if (s.startDate() != null) {
            out.put("StartDate", s.startDate().toString());
        }
        if (s.endDate() != null) {
            out.put("EndDate", s.endDate().toString());
        }
        out.put("ActionAfterCompletion", s.actionAfterCompletion() == null ? "NONE"
                : s.actionAfterCompletionAsString());
        ObjectNode target = out.putObject("Target");
        target.put("Arn", s.target().arn());
        target.put("RoleArn", s.target().roleArn());
        target.put("Input", s.target().input());
        // RetryPolicy defaults: 86,400 seconds and 185 attempts (Scheduler API reference, RetryPolicy).
        var retry = s.target().retryPolicy();
        target.putObject("RetryPolicy")
                .put("MaximumEventAgeInSeconds", retry == null || retry.maximumEventAgeInSeconds() == null ? 86_400
                        : retry.maximumEventAgeInSeconds())
                .put("MaximumRetryAttempts", retry == null || retry.maximumRetryAttempts() == null ? 185
                        : retry.maximumRetryAttempts());
        out.put("Description", s.description() == null ? "" : s.description());
        return Optional.of(out);
    }

    static Optional<JsonNode> group(SchedulerClient scheduler, String name, String arn) {
        return new ScheduleClient(scheduler).groupTagsIfExists(arn).map(tags -> {
            ObjectNode out = CanonicalJson.object();
            out.put("Name", name);
            out.set("Tags", LiveSpecReader.keyValue(tags, "Key", "Value"));
            return out;
        });
    }

    /**
     * GetRole, ListRolePolicies and one GetRolePolicy per inline policy, ListRoleTags. IAM returns
     * policy documents URL-encoded (RFC 3986; IAM API reference, GetRole and GetRolePolicy), so
     * they are decoded, then compared as parsed JSON.
     */
    static Optional<JsonNode> role(IamClient iam, String name) {
        Role role;
        try {
            role = iam.getRole(b -> b.roleName(name)).role();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
        ObjectNode out = CanonicalJson.object();
        out.put("RoleName", role.roleName());
        out.put("Path", role.path());
        out.set("AssumeRolePolicyDocument", policy(role.assumeRolePolicyDocument()));
        ObjectNode policies = out.putObject("InlinePolicies");
        for (String policy : new java.util.TreeSet<>(iam.listRolePolicies(b -> b.roleName(name)).policyNames())) {
            String document = iam.getRolePolicy(b -> b.roleName(name).policyName(policy)).policyDocument();
            policies.set(policy, policy(document));
        }
        if (role.permissionsBoundary() != null) {
            out.put("PermissionsBoundary", role.permissionsBoundary().permissionsBoundaryArn());
        }
        out.put("Description", role.description() == null ? "" : role.description());
        Map<String, String> tags = new RoleClient(iam).tags(name);
        out.set("Tags", LiveSpecReader.keyValue(tags, "Key", "Value"));
        return Optional.of(out);
    }

    /** Decoded unless it is plain JSON already; keys sorted. */
    static JsonNode policy(String document) {
        String text = document.stripLeading().startsWith("{") ? document
                : URLDecoder.decode(document, StandardCharsets.UTF_8);
        return CanonicalJson.sorted(CanonicalJson.parse(text));
    }
}
