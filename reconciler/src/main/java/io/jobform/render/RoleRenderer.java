package io.jobform.render;

import io.jobform.manifest.PermissionStatement;
import io.jobform.manifest.ScheduledJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the instance's three shared roles and the per-job task roles. Sources: Step Functions
 * developer guide "IAM policies for Amazon ECS/AWS Fargate" (Run a Job .sync), ECS developer
 * guide "Amazon ECS task execution IAM role" and "Amazon ECS task IAM role", Scheduler user
 * guide "Set up the execution role", IAM "The confused deputy problem" (aws:SourceAccount).
 */
final class RoleRenderer {

    static final String TASK_ROLE_POLICY = "permissions";

    private RoleRenderer() {}

    /** @param grants what every job the shared roles serve needs: the valid ones and those still running without */
    static List<RoleSpec> shared(List<JobGrants> grants, Names names) {
        return List.of(schedulerRole(names), statesRole(grants, names), executionRole(grants, names));
    }

    /** Present only when the manifest declares permissions. */
    static Optional<RoleSpec> taskRole(ScheduledJob job, Names names) {
        List<PermissionStatement> permissions = job.spec().permissions();
        if (permissions.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyStatement> statements = new ArrayList<>();
        for (PermissionStatement p : permissions) {
            statements.add(new PolicyStatement("", p.effect().iamWord(), Optional.empty(),
                    p.actions(), p.resources(), Map.of()));
        }
        String name = names.jobResource(job.name());
        return Optional.of(role(names, name, "ecs-tasks",
                Map.of(TASK_ROLE_POLICY, new PolicyDocument(statements)),
                "jobform task role of job " + job.name(), Optional.of(job.name()),
                Tags.forJob(names.instance(), job)));
    }

    private static RoleSpec schedulerRole(Names names) {
        PolicyStatement start = PolicyStatement.allow("StartJobExecutions",
                List.of("states:StartExecution"), List.of(names.allStateMachinesArn()));
        return sharedRole(names, Names.SCHEDULER_ROLE, "scheduler",
                Map.of("start-executions", new PolicyDocument(List.of(start))),
                "jobform " + names.instance() + ": EventBridge Scheduler starts job state machines");
    }

    private static RoleSpec statesRole(List<JobGrants> jobs, Names names) {
        List<PolicyStatement> s = new ArrayList<>();
        s.add(PolicyStatement.allow("RunJobTasks", List.of("ecs:RunTask"), List.of(names.allTaskDefinitionsArn())));
        // AWS: the task ID is unknown before RunTask, so StopTask/DescribeTasks need "*" (Step
        // Functions can only stop tasks it started).
        s.add(PolicyStatement.allow("WatchJobTasks", List.of("ecs:DescribeTasks", "ecs:StopTask"), List.of("*")));
        // RunTask with PropagateTags tags the task on creation, which needs ecs:TagResource.
        s.add(PolicyStatement.allow("TagJobTasksOnRun", List.of("ecs:TagResource"),
                        List.of(names.arn("ecs", "task/*")))
                .when("StringEquals", "ecs:CreateAction", List.of("RunTask")));
        s.add(PolicyStatement.allow("EcsSyncCompletionRule",
                List.of("events:DescribeRule", "events:PutRule", "events:PutTargets"),
                List.of(names.ecsSyncRuleArn())));
        s.add(PolicyStatement.allow("PassJobRoles", List.of("iam:PassRole"), List.of(names.allRolesArn()))
                .when("StringEquals", "iam:PassedToService", List.of(names.servicePrincipal("ecs-tasks"))));
        if (jobs.stream().anyMatch(JobGrants::listExecutions)) {
            s.add(PolicyStatement.allow("ListJobExecutions", List.of("states:ListExecutions"),
                    List.of(names.allStateMachinesArn())));
        }
        if (jobs.stream().anyMatch(JobGrants::stopExecutions)) {
            s.add(PolicyStatement.allow("StopReplacedExecutions", List.of("states:StopExecution"),
                    List.of(names.allExecutionsArn())));
        }
        SortedSet<String> topics = new TreeSet<>();
        jobs.forEach(j -> topics.addAll(j.topics()));
        if (!topics.isEmpty()) {
            s.add(InstanceTagged.allow("NotifyFailures", List.of("sns:Publish"), topics, "*", names.instance()));
        }
        return sharedRole(names, Names.STATES_ROLE, "states",
                Map.of("run-jobs", new PolicyDocument(s)),
                "jobform " + names.instance() + ": job state machines run Fargate tasks");
    }

    private static RoleSpec executionRole(List<JobGrants> jobs, Names names) {
        SortedSet<String> repositories = new TreeSet<>();
        SortedSet<String> secrets = new TreeSet<>();
        SortedSet<String> parameters = new TreeSet<>();
        for (JobGrants j : jobs) {
            repositories.addAll(j.repositories());
            secrets.addAll(j.secrets());
            parameters.addAll(j.parameters());
        }
        List<PolicyStatement> s = new ArrayList<>();
        String instance = names.instance();
        if (!repositories.isEmpty()) {
            // AWS: GetAuthorizationToken supports no resource-level permission; it only yields a
            // registry login, pulling still needs the per-repository actions below.
            s.add(PolicyStatement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")));
            s.add(InstanceTagged.allow("PullJobImages",
                    List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                    repositories, "repository/*", instance));
        }
        // SAR: CreateLogGroup acts on log-group:<name>; DescribeLogGroups reports the ARN with ":*",
        // which many policies use: both forms, so either way of evaluating it matches.
        s.add(PolicyStatement.allow("CreateTaskLogGroup", List.of("logs:CreateLogGroup"),
                List.of(names.logGroupArn(), names.logGroupStarArn())));
        s.add(PolicyStatement.allow("WriteTaskLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(names.logStreamsArn())));
        if (!secrets.isEmpty()) {
            s.add(InstanceTagged.allow("ReadJobSecrets", List.of("secretsmanager:GetSecretValue"), secrets,
                    "secret:*", instance));
        }
        if (!parameters.isEmpty()) {
            s.add(InstanceTagged.allow("ReadJobParameters", List.of("ssm:GetParameters"), parameters,
                    "parameter/*", instance));
        }
        if (!secrets.isEmpty() || !parameters.isEmpty()) {
            s.add(decryptSecrets(secrets, parameters));
        }
        return sharedRole(names, Names.EXECUTION_ROLE, "ecs-tasks",
                Map.of("pull-and-log", new PolicyDocument(s)),
                "jobform " + names.instance() + ": ECS pulls job images, writes logs, reads job secrets");
    }

    /**
     * ECS task execution IAM role, "Required IAM permissions for Amazon ECS secrets": kms:Decrypt
     * is needed when a secret or SecureString uses a customer managed key. Only through Secrets
     * Manager or Systems Manager (kms:ViaService), which check the tag condition above first.
     */
    private static PolicyStatement decryptSecrets(SortedSet<String> secrets, SortedSet<String> parameters) {
        SortedSet<String> via = new TreeSet<>();
        InstanceTagged.regions(secrets).forEach(r -> via.add("secretsmanager." + r + ".amazonaws.com"));
        InstanceTagged.regions(parameters).forEach(r -> via.add("ssm." + r + ".amazonaws.com"));
        SortedSet<String> all = new TreeSet<>(secrets);
        all.addAll(parameters);
        return PolicyStatement.allow("DecryptJobSecrets", List.of("kms:Decrypt"),
                        List.copyOf(InstanceTagged.scopes(all.stream().map(a -> a.replaceFirst(":(secretsmanager|ssm):", ":kms:"))
                                .toList(), "key/*")))
                .when("StringEquals", "kms:ViaService", List.copyOf(via));
    }

    private static RoleSpec sharedRole(Names names, String suffix, String service,
            Map<String, PolicyDocument> policies, String description) {
        return role(names, names.sharedRole(suffix), service, policies, description, Optional.empty(),
                Tags.forInstance(names.instance()));
    }

    private static RoleSpec role(Names names, String name, String service, Map<String, PolicyDocument> policies,
            String description, Optional<String> job, Map<String, String> tags) {
        // Confused-deputy guard: only this account's use of the service may assume the role.
        PolicyStatement trust = new PolicyStatement("", "Allow", Optional.of(names.servicePrincipal(service)),
                List.of("sts:AssumeRole"), List.of(), Map.of())
                .when("StringEquals", "aws:SourceAccount", List.of(names.config().accountId()));
        SortedMap<String, PolicyDocument> sorted = new TreeMap<>(policies);
        return new RoleSpec(name, names.rolePath(), names.roleArn(name), new PolicyDocument(List.of(trust)), sorted,
                names.config().permissionsBoundaryArn(), description, job, tags);
    }
}
