package io.jobform.emulator.hooks;

import java.util.Map;

/**
 * Default per-operation token buckets, keyed {@code service:Operation}, following AWS's
 * published per-account, per-Region defaults (us-east-1) where they are published:
 * <ul>
 *   <li>ECS: "Request throttling for the Amazon ECS API" (ECS API Reference).</li>
 *   <li>Step Functions: "Step Functions service quotas", API action throttling table.</li>
 *   <li>EventBridge Scheduler: "Quotas for Amazon EventBridge Scheduler" (requests per
 *       second; modelled as a bucket of one second's worth refilled at that rate).</li>
 *   <li>IAM, S3 and the Tagging API publish no per-operation defaults; the values here are
 *       conservative assumptions, listed in the emulator README.</li>
 * </ul>
 * Operations not listed are not rate limited.
 */
public final class AwsRateLimits {
    private AwsRateLimits() {}

    public static Map<String, RateLimit> defaults() {
        return Map.ofEntries(
                // ECS task definition actions.
                Map.entry("ecs:RegisterTaskDefinition", new RateLimit(20, 1)),
                Map.entry("ecs:DeregisterTaskDefinition", new RateLimit(20, 1)),
                Map.entry("ecs:DeleteTaskDefinitions", new RateLimit(20, 1)),
                Map.entry("ecs:DescribeTaskDefinition", new RateLimit(50, 20)),
                Map.entry("ecs:ListTaskDefinitions", new RateLimit(50, 20)),
                Map.entry("ecs:ListTaskDefinitionFamilies", new RateLimit(50, 20)),
                Map.entry("ecs:TagResource", new RateLimit(100, 40)),
                Map.entry("ecs:UntagResource", new RateLimit(100, 40)),
                Map.entry("ecs:ListTagsForResource", new RateLimit(100, 40)),
                // Step Functions.
                Map.entry("states:CreateStateMachine", new RateLimit(100, 1)),
                Map.entry("states:UpdateStateMachine", new RateLimit(200, 1)),
                Map.entry("states:DeleteStateMachine", new RateLimit(100, 1)),
                Map.entry("states:DescribeStateMachine", new RateLimit(200, 20)),
                Map.entry("states:ListStateMachines", new RateLimit(100, 1)),
                Map.entry("states:TagResource", new RateLimit(200, 1)),
                Map.entry("states:UntagResource", new RateLimit(200, 1)),
                Map.entry("states:ListTagsForResource", new RateLimit(100, 1)),
                Map.entry("states:StartExecution", new RateLimit(1300, 300)),
                Map.entry("states:DescribeExecution", new RateLimit(250, 15)),
                Map.entry("states:ListExecutions", new RateLimit(100, 2)),
                Map.entry("states:StopExecution", new RateLimit(1000, 200)),
                Map.entry("states:GetExecutionHistory", new RateLimit(400, 20)),
                // EventBridge Scheduler (requests per second).
                Map.entry("scheduler:CreateSchedule", new RateLimit(50, 50)),
                Map.entry("scheduler:UpdateSchedule", new RateLimit(50, 50)),
                Map.entry("scheduler:DeleteSchedule", new RateLimit(50, 50)),
                Map.entry("scheduler:GetSchedule", new RateLimit(50, 50)),
                Map.entry("scheduler:ListSchedules", new RateLimit(50, 50)),
                Map.entry("scheduler:CreateScheduleGroup", new RateLimit(10, 10)),
                Map.entry("scheduler:DeleteScheduleGroup", new RateLimit(10, 10)),
                Map.entry("scheduler:GetScheduleGroup", new RateLimit(10, 10)),
                Map.entry("scheduler:ListScheduleGroups", new RateLimit(10, 10)),
                Map.entry("scheduler:TagResource", new RateLimit(10, 10)),
                Map.entry("scheduler:UntagResource", new RateLimit(10, 10)),
                Map.entry("scheduler:ListTagsForResource", new RateLimit(10, 10)),
                // IAM (unpublished; assumption).
                Map.entry("iam:CreateRole", new RateLimit(20, 10)),
                Map.entry("iam:DeleteRole", new RateLimit(20, 10)),
                Map.entry("iam:PutRolePolicy", new RateLimit(20, 10)),
                Map.entry("iam:DeleteRolePolicy", new RateLimit(20, 10)),
                Map.entry("iam:UpdateAssumeRolePolicy", new RateLimit(20, 10)),
                Map.entry("iam:TagRole", new RateLimit(20, 10)),
                Map.entry("iam:UntagRole", new RateLimit(20, 10)),
                Map.entry("iam:PutRolePermissionsBoundary", new RateLimit(20, 10)),
                Map.entry("iam:GetRole", new RateLimit(100, 50)),
                Map.entry("iam:ListRoles", new RateLimit(100, 50)),
                // Resource Groups Tagging API (unpublished; assumption).
                Map.entry("tagging:GetResources", new RateLimit(10, 5)),
                // S3: 3,500 writes and 5,500 reads per second per prefix.
                Map.entry("s3:PutObject", new RateLimit(3500, 3500)),
                Map.entry("s3:DeleteObject", new RateLimit(3500, 3500)),
                Map.entry("s3:GetObject", new RateLimit(5500, 5500)),
                Map.entry("s3:HeadObject", new RateLimit(5500, 5500)),
                Map.entry("s3:ListObjectsV2", new RateLimit(5500, 5500)));
    }
}
