package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code ecs:runTask.sync} Task state. The task definition is named by family, which RunTask
 * resolves to the latest ACTIVE revision (ECS API reference, RunTask taskDefinition).
 */
final class RunTaskState {

    private RunTaskState() {}

    /**
     * @param onSpot       FARGATE_SPOT capacity provider instead of the FARGATE launch type
     * @param onFailure    the state every failure goes to, with the error at {@code $.caught}
     *                     ({@code States.Timeout} after the job's timeoutSeconds, per attempt)
     */
    static ObjectNode render(ResolvedJob job, Names names, boolean onSpot, String onFailure) {
        int timeoutSeconds = job.job().spec().timeoutSeconds();
        ObjectNode p = CanonicalJson.object();
        p.put("Cluster", job.cluster());
        p.put("TaskDefinition", names.jobResource(job.name()));
        if (onSpot) {
            p.putArray("CapacityProviderStrategy").addObject().put("CapacityProvider", "FARGATE_SPOT").put("Weight", 1);
        } else {
            p.put("LaunchType", "FARGATE");
        }
        ObjectNode vpc = p.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
        vpc.set("Subnets", AslStates.strings(job.network().subnets()));
        // ECS API reference, AwsVpcConfiguration.securityGroups: "If you don't specify a security
        // group, the default security group for the VPC is used"; an empty list is not documented.
        if (!job.network().securityGroups().isEmpty()) {
            vpc.set("SecurityGroups", AslStates.strings(job.network().securityGroups()));
        }
        vpc.put("AssignPublicIp", job.network().assignPublicIp() ? "ENABLED" : "DISABLED");
        p.put("Group.$", "$$.Execution.Name");
        p.put("PropagateTags", "TASK_DEFINITION");
        ObjectNode override = p.putObject("Overrides").putArray("ContainerOverrides").addObject();
        override.put("Name", job.name());
        ArrayNode env = override.putArray("Environment");
        env.addObject().put("Name", "JOB_INPUT").put("Value.$", "States.JsonToString($.input)");
        env.addObject().put("Name", "JOB_EXECUTION").put("Value.$", "$$.Execution.Name");

        ObjectNode state = AslStates.task("arn:" + names.config().partition() + ":states:::ecs:runTask.sync", p);
        state.put("ResultPath", "$.task");
        // Step Functions stops the ECS task when the state times out (the states role has ecs:StopTask).
        state.put("TimeoutSeconds", timeoutSeconds);
        // No Retry field: a retrier sees only the error name, and the ECS errors that a retry gets
        // past share names with those it does not (RunAttempts decides from name and cause).
        state.putArray("Catch").add(AslStates.catcher(List.of(AslStates.ALL), "$.caught", onFailure));
        state.put("End", true);
        return state;
    }
}
