package io.jobform.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.render.DesiredState;
import io.jobform.render.StateMachineSpec;
import io.jobform.render.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a state machine's role needs for every Task state of its definition (nested Parallel
 * branches and Map processors included), per integration, from the Step Functions developer
 * guide "IAM policies for Amazon ECS/AWS Fargate" (runTask, runTask.sync: RunTask, PassRole of
 * the task's roles, StopTask/DescribeTasks and the StepFunctionsGetEventsForECSTaskRule managed
 * rule), "IAM policies for Amazon SNS" and the AWS SDK integrations (the action of the called
 * API). ECS authorizes the tags RunTask adds (PropagateTags, Tags) as ecs:TagResource with
 * ecs:CreateAction = RunTask. An integration not listed here fails: it must be modelled first.
 */
final class StateMachineNeeds {

    private final StateMachineSpec machine;
    private final DesiredState desired;
    private final String instance;
    private final String[] arn;
    private final List<Need> needs = new ArrayList<>();

    private StateMachineNeeds(StateMachineSpec machine, DesiredState desired, String instance) {
        this.machine = machine;
        this.desired = desired;
        this.instance = instance;
        this.arn = machine.arn().split(":");
    }

    static List<Need> of(StateMachineSpec machine, DesiredState desired, String instance) {
        StateMachineNeeds n = new StateMachineNeeds(machine, desired, instance);
        n.walk(machine.definitionJson());
        return n.needs;
    }

    private void walk(JsonNode node) {
        if (node.isObject()) {
            if ("Task".equals(node.path("Type").asText())) {
                task(node);
            }
            node.forEach(this::walk);
        } else if (node.isArray()) {
            node.forEach(this::walk);
        }
    }

    private String regional(String service, String resource) {
        return "arn:" + arn[1] + ":" + service + ":" + arn[3] + ":" + arn[4] + ":" + resource;
    }

    private void add(AccessRequest request, String integration) {
        needs.add(new Need(RenderedNeeds.roleName(machine.roleArn()), request, machine.id() + ": " + integration));
    }

    private void task(JsonNode state) {
        String resource = state.path("Resource").asText();
        String integration = resource.substring(resource.indexOf(":::") + 3);
        JsonNode args = state.has("Arguments") ? state.path("Arguments") : state.path("Parameters");
        switch (integration) {
            case "ecs:runTask", "ecs:runTask.sync" -> runTask(args, integration);
            case "sns:publish" -> add(AccessRequest.of("sns:Publish", literal(args, "TopicArn"))
                    .with(RenderedNeeds.INSTANCE_TAG, instance), integration);
            case "aws-sdk:sfn:listExecutions" -> add(AccessRequest.of("states:ListExecutions", machine.arn()), integration);
            case "aws-sdk:sfn:stopExecution" -> add(AccessRequest.of("states:StopExecution",
                    regional("states", "execution:" + machine.name() + ":run-1")), integration);
            default -> throw new IllegalStateException(machine.id() + ": integration " + resource
                    + " has no modelled IAM needs; add them to " + StateMachineNeeds.class.getSimpleName());
        }
    }

    private void runTask(JsonNode args, String integration) {
        String family = literal(args, "TaskDefinition");
        String cluster = literal(args, "Cluster");
        add(AccessRequest.of("ecs:RunTask", regional("ecs", "task-definition/" + family + ":1")), integration);
        TaskDefinitionSpec td = desired.ofType(TaskDefinitionSpec.class).stream()
                .filter(t -> t.family().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalStateException(machine.id() + ": no task definition " + family));
        List<String> passed = new ArrayList<>(List.of(td.executionRoleArn()));
        td.taskRoleArn().ifPresent(passed::add);
        passed.forEach(role -> add(AccessRequest.of("iam:PassRole", role)
                .with("iam:PassedToService", "ecs-tasks.amazonaws.com"), integration));
        String task = regional("ecs", "task/" + cluster + "/0123456789abcdef0123456789abcdef");
        if (args.has("PropagateTags") || args.has("Tags")) {
            add(AccessRequest.of("ecs:TagResource", task).with("ecs:CreateAction", "RunTask"), integration + " tags the task");
        }
        if (integration.endsWith(".sync")) {
            add(AccessRequest.of("ecs:StopTask", task), integration);
            add(AccessRequest.of("ecs:DescribeTasks", task), integration);
            String rule = regional("events", "rule/StepFunctionsGetEventsForECSTaskRule");
            for (String action : List.of("events:PutTargets", "events:PutRule", "events:DescribeRule")) {
                add(AccessRequest.of(action, rule), integration + " completion rule");
            }
        }
    }

    /** A parameter that must be a literal: a path ({@code Key.$}) or JSONata expression cannot be resolved here. */
    private String literal(JsonNode args, String key) {
        JsonNode value = args.path(key);
        if (!value.isTextual() || value.asText().startsWith("{%")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                if (it.next().getKey().equals(key + ".$")) {
                    throw new IllegalStateException(machine.id() + ": " + key + " is computed at run time; model it");
                }
            }
            throw new IllegalStateException(machine.id() + ": no literal " + key + " in " + args);
        }
        return value.asText();
    }
}
