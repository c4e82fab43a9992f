package io.jobform.deploy;

import io.jobform.iam.AccessRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request the reconciler's AWS adapters make, with the resource ARN and the context keys
 * AWS evaluates (formats from the Service Authorization Reference), for one instance. Keyed by
 * IAM action so that {@link EffectivePermissionsTest} can check that it lists every action
 * {@link AdapterActions} finds in {@code io.jobform.aws}: a new call cannot go unmodelled.
 */
final class ReconcilerNeeds {

    private ReconcilerNeeds() {}

    static Map<String, List<AccessRequest>> of(String instance, String account, String region, String bucket,
            String prefix, String boundaryArn) {
        String regional = ":" + region + ":" + account + ":";
        String family = instance + "-nightly-report";
        String taskDefinition = "arn:aws:ecs" + regional + "task-definition/" + family + ":3";
        String machine = "arn:aws:states" + regional + "stateMachine:" + family;
        String schedule = "arn:aws:scheduler" + regional + "schedule/" + instance + "/" + family;
        String keptSchedule = "arn:aws:scheduler" + regional + "schedule/default/" + family;
        String group = "arn:aws:scheduler" + regional + "schedule-group/" + instance;
        String roles = "arn:aws:iam::" + account + ":role/jobform/" + instance + "/";
        String taskRole = roles + family;
        Map<String, List<AccessRequest>> needs = new TreeMap<>();
        put(needs, "s3:ListBucket", AccessRequest.of("s3:ListBucket", "arn:aws:s3:::" + bucket));
        put(needs, "s3:GetObject", AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/" + prefix + "team/job.yaml"),
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/_jobform/inventory.json"));
        put(needs, "s3:PutObject", AccessRequest.of("s3:PutObject", "arn:aws:s3:::" + bucket + "/_jobform/lease.json"));
        put(needs, "s3:DeleteObject", AccessRequest.of("s3:DeleteObject", "arn:aws:s3:::" + bucket + "/_jobform/status/x.json"));
        // The List calls observe which families and revisions exist; none supports resource-level permissions.
        for (String a : List.of("RegisterTaskDefinition", "DeregisterTaskDefinition", "DescribeTaskDefinition",
                "ListTaskDefinitionFamilies", "ListTaskDefinitions")) {
            put(needs, "ecs:" + a, AccessRequest.of("ecs:" + a, "*"));
        }
        put(needs, "ecs:TagResource", AccessRequest.of("ecs:TagResource", taskDefinition)
                .with("ecs:CreateAction", "RegisterTaskDefinition"));
        put(needs, "ecs:UntagResource", AccessRequest.of("ecs:UntagResource", taskDefinition));
        put(needs, "ecs:DeleteTaskDefinitions", AccessRequest.of("ecs:DeleteTaskDefinitions", taskDefinition));
        // DescribeStateMachine: apply --deep compares the live definition.
        for (String a : List.of("CreateStateMachine", "UpdateStateMachine", "DeleteStateMachine", "TagResource",
                "UntagResource", "ListTagsForResource", "DescribeStateMachine")) {
            put(needs, "states:" + a, AccessRequest.of("states:" + a, machine));
        }
        for (String a : List.of("UpdateSchedule", "DeleteSchedule")) {
            put(needs, "scheduler:" + a, AccessRequest.of("scheduler:" + a, schedule));
        }
        // GetSchedule: observation; CreateSchedule also for the copy a kept job leaves in group default.
        put(needs, "scheduler:GetSchedule", AccessRequest.of("scheduler:GetSchedule", schedule));
        put(needs, "scheduler:CreateSchedule", AccessRequest.of("scheduler:CreateSchedule", schedule),
                AccessRequest.of("scheduler:CreateSchedule", keptSchedule));
        put(needs, "scheduler:ListSchedules", AccessRequest.of("scheduler:ListSchedules", "*"));
        // ListTagsForResource and UntagResource: a label removed from the JobDefaults is untagged from the group.
        for (String a : List.of("CreateScheduleGroup", "GetScheduleGroup", "TagResource", "ListTagsForResource",
                "UntagResource")) {
            put(needs, "scheduler:" + a, AccessRequest.of("scheduler:" + a, group));
        }
        for (String a : List.of("CreateRole", "PutRolePolicy", "PutRolePermissionsBoundary", "DeleteRolePolicy")) {
            put(needs, "iam:" + a, AccessRequest.of("iam:" + a, taskRole).with("iam:PermissionsBoundary", boundaryArn));
        }
        // GetRolePolicy: apply --deep compares the live inline policies.
        for (String a : List.of("GetRole", "ListRolePolicies", "GetRolePolicy", "ListRoleTags", "UpdateAssumeRolePolicy",
                "TagRole", "UntagRole", "DeleteRole")) {
            put(needs, "iam:" + a, AccessRequest.of("iam:" + a, taskRole));
        }
        put(needs, "iam:ListRoles", AccessRequest.of("iam:ListRoles", "*"));
        put(needs, "iam:PassRole",
                AccessRequest.of("iam:PassRole", roles + instance + "-execution").with("iam:PassedToService", "ecs-tasks.amazonaws.com"),
                AccessRequest.of("iam:PassRole", taskRole).with("iam:PassedToService", "ecs-tasks.amazonaws.com"),
                AccessRequest.of("iam:PassRole", roles + instance + "-states").with("iam:PassedToService", "states.amazonaws.com"),
                AccessRequest.of("iam:PassRole", roles + instance + "-scheduler").with("iam:PassedToService", "scheduler.amazonaws.com"));
        // Observation lists the state machines (no resource-level permissions) and keeps the instance's names.
        put(needs, "states:ListStateMachines", AccessRequest.of("states:ListStateMachines", "*"));
        return needs;
    }

    private static void put(Map<String, List<AccessRequest>> into, String action, AccessRequest... requests) {
        into.put(action, List.of(requests));
    }
}
