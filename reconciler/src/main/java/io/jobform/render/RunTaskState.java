package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.JobSpec;
import io.jobform.manifest.Retries;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ecs:runTask.sync} Task state. The task definition is named by family, which RunTask
 * resolves to the latest ACTIVE revision (ECS API reference, RunTask taskDefinition).
 */
final class RunTaskState {

    private RunTaskState() {}

    /**
     * @param onSpot       FARGATE_SPOT capacity provider instead of the FARGATE launch type
     * @param fallback     for spot-with-fallback: the state that reruns on FARGATE when Spot has no capacity
     */
    static ObjectNode render(ResolvedJob job, Names names, boolean onSpot, JobSpec spec, String onFailure,
            Optional<String> fallback) {
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
        ArrayNode retry = state.putArray("Retry");
        // Start-up and throttling errors of the ECS API: always retried, independent of the manifest.
        // On Spot with a fallback, a RunTask failure (no capacity) goes to the fallback instead.
        List<String> startErrors = fallback.isPresent()
                ? List.of(AslStates.ECS_EXCEPTION)
                : List.of(AslStates.ECS_EXCEPTION, AslStates.ECS_RUN_FAILURES);
        ObjectNode startRetry = AslStates.retrier(startErrors, 10, 3, 2.0);
        startRetry.put("JitterStrategy", "FULL");
        retry.add(startRetry);
        Retries r = spec.retries();
        if (r.limit() > 0) {
            ObjectNode manifestRetry = AslStates.retrier(List.of(AslStates.TASK_FAILED),
                    Math.max(1, r.intervalSeconds()), r.limit(), r.backoffRate());
            r.maxDelaySeconds().ifPresent(max -> manifestRetry.put("MaxDelaySeconds", max));
            manifestRetry.put("JitterStrategy", r.jitter() ? "FULL" : "NONE");
            retry.add(manifestRetry);
        }
        ArrayNode catchers = state.putArray("Catch");
        fallback.ifPresent(next -> catchers.add(
                AslStates.catcher(List.of(AslStates.ECS_RUN_FAILURES), "$.spotFailure", next)));
        catchers.add(AslStates.catcher(List.of(AslStates.ALL), "$.error", onFailure));
        state.put("End", true);
        return state;
    }
}
