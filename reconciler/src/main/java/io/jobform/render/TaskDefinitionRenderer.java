package io.jobform.render;

import io.jobform.manifest.Architecture;
import io.jobform.manifest.Container;
import io.jobform.manifest.ScheduledJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a job's Fargate task definition. Parameters as in the ECS developer guide, "Amazon ECS
 * task definition parameters for Fargate" and the RegisterTaskDefinition API reference.
 */
final class TaskDefinitionRenderer {

    private TaskDefinitionRenderer() {}

    static TaskDefinitionSpec render(ScheduledJob job, Names names, Optional<RoleSpec> taskRole) {
        Container c = job.spec().container();
        // awslogs: one group per instance, one stream prefix per job; the driver creates the group
        // on first use (needs logs:CreateLogGroup on the execution role).
        Map<String, String> logOptions = Map.of(
                "awslogs-group", names.logGroup(),
                "awslogs-region", names.config().region(),
                "awslogs-stream-prefix", job.name(),
                "awslogs-create-group", "true");
        ContainerDefinitionSpec container = new ContainerDefinitionSpec(
                job.name(), c.image(), c.command(), c.entryPoint(), c.env(), c.secrets(), logOptions);
        return new TaskDefinitionSpec(
                names.jobResource(job.name()),
                taskRole.map(RoleSpec::arn),
                names.roleArn(names.sharedRole(Names.EXECUTION_ROLE)),
                "awsvpc",
                List.of("FARGATE"),
                Integer.toString(c.cpu()),
                Integer.toString(c.memory()),
                c.architecture() == Architecture.ARM64 ? "ARM64" : "X86_64",
                "LINUX",
                c.ephemeralStorageGiB(),
                List.of(container),
                job.name(),
                Tags.forJob(names.instance(), job));
    }
}
