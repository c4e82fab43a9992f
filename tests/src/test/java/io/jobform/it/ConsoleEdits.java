package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.AwsClients;
import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.reconcile.ReconcileResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * Changes a person makes by hand in the console, one resource at a time, made through the SDK
 * against whichever endpoint the clients point at (our emulator or moto), and the deep plan
 * they should produce: each changed resource with the fields that differ.
 */
final class ConsoleEdits {
    static final String JOB = "jobform-nightly-report";
    static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:" + JOB;

    private ConsoleEdits() {}

    /** Each updated resource ({@code update Kind/name}) with the paths of its differing fields; other mutations as is. */
    static Map<String, String> deepPlan(ReconcileResult result) {
        Map<String, String> plan = new TreeMap<>();
        for (Change c : result.plan().orElseThrow().mutating()) {
            String paths = c instanceof Change.Update u
                    ? String.join(", ", u.fields().stream().map(FieldChange::path).toList()) : "";
            plan.put(c.action().word() + " " + c.id(), paths);
        }
        return plan;
    }

    static void disableSchedule(AwsClients aws) {
        GetScheduleResponse s = schedule(aws);
        aws.scheduler.updateSchedule(b -> copy(b, s).state(ScheduleState.DISABLED));
    }

    static void editScheduleExpression(AwsClients aws, String expression) {
        GetScheduleResponse s = schedule(aws);
        aws.scheduler.updateSchedule(b -> copy(b, s).scheduleExpression(expression));
    }

    private static GetScheduleResponse schedule(AwsClients aws) {
        return aws.scheduler.getSchedule(b -> b.groupName("jobform").name(JOB));
    }

    /** UpdateSchedule replaces every field: the console sends them all back. */
    private static software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest.Builder copy(
            software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest.Builder b, GetScheduleResponse s) {
        return b.groupName(s.groupName()).name(s.name()).scheduleExpression(s.scheduleExpression())
                .scheduleExpressionTimezone(s.scheduleExpressionTimezone()).flexibleTimeWindow(s.flexibleTimeWindow())
                .target(s.target()).state(s.state()).description(s.description()).startDate(s.startDate())
                .endDate(s.endDate()).actionAfterCompletion(s.actionAfterCompletion());
    }

    /** Edits the definition's text in place, as the console's editor does. */
    static void editDefinition(AwsClients aws, String from, String to) {
        String definition = aws.sfn.describeStateMachine(b -> b.stateMachineArn(SM)).definition();
        assertThat(definition).contains(from);
        aws.sfn.updateStateMachine(b -> b.stateMachineArn(SM).definition(definition.replace(from, to)));
    }

    /** "Create new revision" from the latest, with another image and the same tags. */
    static void registerRevisionWithImage(AwsClients aws, String image) {
        var described = aws.ecs.describeTaskDefinition(b -> b.taskDefinition(JOB).include(TaskDefinitionField.TAGS));
        TaskDefinition td = described.taskDefinition();
        aws.ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder().family(td.family())
                .taskRoleArn(td.taskRoleArn()).executionRoleArn(td.executionRoleArn()).networkMode(td.networkMode())
                .requiresCompatibilities(td.requiresCompatibilities()).cpu(td.cpu()).memory(td.memory())
                .runtimePlatform(td.runtimePlatform())
                .containerDefinitions(td.containerDefinitions().get(0).toBuilder().image(image).build())
                .tags(described.tags()).build());
    }

    /** Edits the task role's inline policy text. */
    static void editRolePolicy(AwsClients aws, String from, String to) {
        String policy = aws.iam.listRolePolicies(b -> b.roleName(JOB)).policyNames().get(0);
        String document = URLDecoder.decode(aws.iam.getRolePolicy(b -> b.roleName(JOB).policyName(policy))
                .policyDocument(), StandardCharsets.UTF_8);
        assertThat(document).contains(from);
        aws.iam.putRolePolicy(b -> b.roleName(JOB).policyName(policy).policyDocument(document.replace(from, to)));
    }

    static String rolePolicyName(AwsClients aws) {
        return aws.iam.listRolePolicies(b -> b.roleName(JOB)).policyNames().get(0);
    }
}
