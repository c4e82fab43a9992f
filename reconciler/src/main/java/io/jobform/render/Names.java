package io.jobform.render;

import io.jobform.config.InstanceConfig;

/** Every name and ARN jobform derives from the instance configuration, in one place. */
public record Names(InstanceConfig config) {

    public static final String SCHEDULER_ROLE = "scheduler";
    public static final String STATES_ROLE = "states";
    public static final String EXECUTION_ROLE = "execution";

    public String instance() {
        return config.instance();
    }

    /** {@code <instance>-<job>}: task definition family, state machine, schedule and task role. */
    public String jobResource(String job) {
        return config.instance() + "-" + job;
    }

    public String sharedRole(String suffix) {
        return config.instance() + "-" + suffix;
    }

    public String rolePath() {
        return "/jobform/" + config.instance() + "/";
    }

    public String roleArn(String roleName) {
        return "arn:" + config.partition() + ":iam::" + config.accountId() + ":role" + rolePath() + roleName;
    }

    /** Every role this instance owns; used for {@code iam:PassRole}. */
    public String allRolesArn() {
        return roleArn("*");
    }

    public String scheduleGroup() {
        return config.instance();
    }

    public String logGroup() {
        return "/jobform/" + config.instance();
    }

    /** A regional ARN in this instance's account. */
    public String arn(String service, String resource) {
        return "arn:" + config.partition() + ":" + service + ":" + config.region() + ":" + config.accountId() + ":" + resource;
    }

    public String stateMachineArn(String job) {
        return arn("states", "stateMachine:" + jobResource(job));
    }

    public String allStateMachinesArn() {
        return arn("states", "stateMachine:" + config.instance() + "-*");
    }

    public String allExecutionsArn() {
        return arn("states", "execution:" + config.instance() + "-*:*");
    }

    public String allTaskDefinitionsArn() {
        return arn("ecs", "task-definition/" + config.instance() + "-*:*");
    }

    /** The managed rule through which Step Functions learns that a .sync ECS task finished. */
    public String ecsSyncRuleArn() {
        return arn("events", "rule/StepFunctionsGetEventsForECSTaskRule");
    }

    /** The log group as the Service Authorization Reference writes it: {@code log-group:<name>}. */
    public String logGroupArn() {
        return arn("logs", "log-group:" + logGroup());
    }

    /** The same group as CloudWatch Logs itself reports its ARN, with a trailing {@code :*}. */
    public String logGroupStarArn() {
        return logGroupArn() + ":*";
    }

    public String logStreamsArn() {
        return arn("logs", "log-group:" + logGroup() + ":log-stream:*");
    }

    public String servicePrincipal(String service) {
        return service + ".amazonaws.com";
    }
}
