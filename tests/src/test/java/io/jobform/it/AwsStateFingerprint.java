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

    /**
     * The same fields for one instance's resources of the named jobs only (state machine, ACTIVE
     * task definition revisions, schedule, task role): a few calls per job instead of a full read.
     */
    static Map<String, String> ofJobs(AwsClients aws, String instance, java.util.List<String> jobs) {
        Map<String, String> out = new TreeMap<>();
        for (String job : jobs) {
            String name = instance + "-" + job;
            String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:" + name;
            try {
                var d = aws.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
                var tags = new TreeMap<String, String>();
                aws.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
                out.put("StateMachine/" + name, d.definition() + " role=" + d.roleArn() + " tags=" + tags);
            } catch (software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException gone) {
                out.put("StateMachine/" + name, "absent");
            }
            aws.ecs.listTaskDefinitions(b -> b.familyPrefix(name).status(TaskDefinitionStatus.ACTIVE))
                    .taskDefinitionArns().forEach(td -> {
                        var d = aws.ecs.describeTaskDefinition(b -> b.taskDefinition(td).include(TaskDefinitionField.TAGS));
                        var t = d.taskDefinition();
                        out.put("TaskDefinition/" + name + ":" + t.revision(), t.containerDefinitions() + " role="
                                + t.taskRoleArn() + " tags=" + new TreeMap<>(tagMap(d.tags())));
                    });
            try {
                var s = aws.scheduler.getSchedule(b -> b.groupName(instance).name(name));
                out.put("Schedule/" + instance + "/" + name, s.scheduleExpression() + " state=" + s.stateAsString()
                        + " desc=" + s.description() + " target=" + s.target());
            } catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException gone) {
                out.put("Schedule/" + instance + "/" + name, "absent");
            }
            try {
                var role = aws.iam.getRole(b -> b.roleName(name)).role();
                out.put("Role/" + name, role.path() + " boundary=" + role.permissionsBoundary() + " tags=" + role.tags()
                        + " policies=" + aws.iam.listRolePolicies(b -> b.roleName(name)).policyNames());
            } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException gone) {
                out.put("Role/" + name, "absent");
            }
        }
        return out;
    }

    private static Map<String, String> tagMap(java.util.List<software.amazon.awssdk.services.ecs.model.Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
