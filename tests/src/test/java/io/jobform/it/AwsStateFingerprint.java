package io.jobform.it;

import io.jobform.aws.AwsClients;
import io.jobform.aws.ObjectStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Everything in the account that a reconcile could touch, read back through the SDK, with
 * timestamps left out: two states are the same when their fingerprints are equal. Covers owned
 * and foreign resources alike, so "nothing left behind" and "nothing foreign touched" are the
 * same comparison.
 */
final class AwsStateFingerprint {

    private AwsStateFingerprint() {}

    static Map<String, String> of(AwsClients aws, ObjectStore store) {
        Map<String, String> out = new TreeMap<>();
        aws.sfn.listStateMachinesPaginator(b -> { }).stateMachines().forEach(sm -> {
            var d = aws.sfn.describeStateMachine(b -> b.stateMachineArn(sm.stateMachineArn()));
            var tags = new TreeMap<String, String>();
            aws.sfn.listTagsForResource(b -> b.resourceArn(sm.stateMachineArn())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            out.put("StateMachine/" + sm.name(), d.definition() + " role=" + d.roleArn() + " tags=" + tags);
        });
        aws.ecs.listTaskDefinitionFamiliesPaginator(b -> b.status(TaskDefinitionFamilyStatus.ALL)).families()
                .forEach(family -> aws.ecs.listTaskDefinitionsPaginator(b -> b.familyPrefix(family)
                        .status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns().forEach(arn -> {
                            var d = aws.ecs.describeTaskDefinition(b -> b.taskDefinition(arn)
                                    .include(TaskDefinitionField.TAGS));
                            var td = d.taskDefinition();
                            out.put("TaskDefinition/" + family + ":" + td.revision(), td.containerDefinitions()
                                    + " role=" + td.taskRoleArn() + " exec=" + td.executionRoleArn() + " cpu="
                                    + td.cpu() + " mem=" + td.memory() + " tags=" + new TreeMap<>(tagMap(d.tags())));
                        }));
        aws.scheduler.listScheduleGroupsPaginator(b -> { }).scheduleGroups().forEach(g -> aws.scheduler
                .listSchedulesPaginator(b -> b.groupName(g.name())).schedules().forEach(s -> {
                    var d = aws.scheduler.getSchedule(b -> b.groupName(g.name()).name(s.name()));
                    out.put("Schedule/" + g.name() + "/" + s.name(), d.scheduleExpression() + " tz="
                            + d.scheduleExpressionTimezone() + " state=" + d.stateAsString() + " desc="
                            + d.description() + " window=" + d.flexibleTimeWindow() + " target=" + d.target());
                }));
        aws.iam.listRolesPaginator(b -> { }).roles().forEach(r -> {
            var role = aws.iam.getRole(b -> b.roleName(r.roleName())).role();
            var policies = new TreeMap<String, String>();
            aws.iam.listRolePolicies(b -> b.roleName(r.roleName())).policyNames().forEach(p -> policies.put(p,
                    URLDecoder.decode(aws.iam.getRolePolicy(b -> b.roleName(r.roleName()).policyName(p))
                            .policyDocument(), StandardCharsets.UTF_8)));
            var tags = new TreeMap<String, String>();
            role.tags().forEach(t -> tags.put(t.key(), t.value()));
            out.put("Role" + role.path() + role.roleName(), "boundary=" + (role.permissionsBoundary() == null ? "none"
                    : role.permissionsBoundary().permissionsBoundaryArn()) + " trust="
                    + URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8) + " policies="
                    + policies + " tags=" + tags);
        });
        store.list("_jobform/").forEach(o -> out.put("S3/" + o.key(), "present"));
        return out;
    }

    private static Map<String, String> tagMap(java.util.List<software.amazon.awssdk.services.ecs.model.Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
