package io.jobform.runs;

import java.util.List;

/**
 * A failure (or success) scripted for the RunTask states: what the Spot state's calls answer and
 * what the on-demand state's calls answer. Error names as AWS reports them; see
 * docs/resources.md, "How a run fails and is retried", for the source of each.
 */
enum Scenario {
    SUCCESS(List.of(TaskScript.success()), List.of(TaskScript.success())),
    EXIT_3(List.of(TaskScript.exit(3)), List.of(TaskScript.exit(3))),
    EXIT_137(List.of(TaskScript.exit(137)), List.of(TaskScript.exit(137))),
    EXIT_3_THEN_SUCCESS(List.of(TaskScript.exit(3), TaskScript.success()), List.of(TaskScript.exit(3), TaskScript.success())),
    NO_CAPACITY(List.of(capacity()), List.of(capacity())),
    NO_CAPACITY_FAILURES(List.of(failures()), List.of(failures())),
    NO_SPOT_CAPACITY(List.of(capacity()), List.of(TaskScript.success())),
    THROTTLED_ONCE(List.of(throttled(), TaskScript.success()), List.of(throttled(), TaskScript.success())),
    SERVER_ERROR(List.of(TaskScript.failure("ECS.ServerException", "Service unavailable")),
            List.of(TaskScript.failure("ECS.ServerException", "Service unavailable"))),
    ACCESS_DENIED(List.of(accessDenied()), List.of(accessDenied())),
    ACCESS_DENIED_IN_CAUSE(List.of(accessDeniedInCause()), List.of(accessDeniedInCause())),
    INVALID_PARAMETER(List.of(invalidParameter()), List.of(invalidParameter())),
    CANNOT_PULL(List.of(cannotPull()), List.of(cannotPull())),
    SECRET_UNAVAILABLE(List.of(secret()), List.of(secret())),
    SPOT_INTERRUPTION(List.of(TaskScript.stopped("SpotInterruption", TaskScript.INTERRUPTED)), List.of(TaskScript.success())),
    TIMEOUT(List.of(TaskScript.failure("States.Timeout", "")), List.of(TaskScript.failure("States.Timeout", ""))),
    CONFLICT(List.of(TaskScript.failure("ECS.ConflictException", "conflict")),
            List.of(TaskScript.failure("ECS.ConflictException", "conflict")));

    final List<TaskScript> onSpot;
    final List<TaskScript> onDemand;

    Scenario(List<TaskScript> onSpot, List<TaskScript> onDemand) {
        this.onSpot = onSpot;
        this.onDemand = onDemand;
    }

    static TaskScript capacity() {
        return TaskScript.failure("ECS.AmazonECSException", TaskScript.CAPACITY
                + " (Service: AmazonECS; Status Code: 400; Error Code: ClientException; Request ID: r1; Proxy: null)");
    }

    static TaskScript failures() {
        return TaskScript.failure("AmazonECS.Unknown",
                "Tasks provisioning failures: [{\"Arn\":\"arn:aws:ecs:us-east-1:123456789012:task/jobs/1\",\"Reason\":\"Capacity is unavailable at this time\"}]");
    }

    static TaskScript throttled() {
        return TaskScript.failure("ECS.AmazonECSException",
                "Rate exceeded (Service: AmazonECS; Status Code: 400; Error Code: ThrottlingException; Request ID: r2; Proxy: null)");
    }

    static TaskScript accessDenied() {
        return TaskScript.failure("ECS.AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/jobform-states/x "
                + "is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/jobform/jobform/jobform-execution");
    }

    static TaskScript accessDeniedInCause() {
        return TaskScript.failure("ECS.AmazonECSException", "User is not authorized to perform: ecs:RunTask (Service: AmazonECS; "
                + "Status Code: 400; Error Code: AccessDeniedException; Request ID: r3; Proxy: null)");
    }

    static TaskScript invalidParameter() {
        return TaskScript.failure("ECS.InvalidParameterException", "No Container Instances were found in your capacity provider");
    }

    static TaskScript cannotPull() {
        return TaskScript.stopped("TaskFailedToStart", "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                + "failed to resolve ref docker.io/library/nope:1: not found");
    }

    static TaskScript secret() {
        return TaskScript.stopped("TaskFailedToStart", "ResourceInitializationError: unable to pull secrets or registry auth: "
                + "AccessDeniedException");
    }
}
