package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted runs every rendered machine goes through: success, a manual run, exit codes 1
 * and 137 (and 1 then success), no Spot capacity (ECS.AmazonECSException, as the knowledge-center
 * article "ecs-fargate-runtask-capacity" names it), a RunTask answer with Failures
 * (AmazonECS.Unknown), a Spot interruption, an access-denied RunTask, a timeout, an idle and a
 * busy concurrency gate, and a late scheduled time. Results of Task states a machine does not
 * have are simply not used.
 */
final class RunScenarios {
    static final String TOPIC_RESULT = "{\"MessageId\":\"11111111-2222-3333-4444-555555555555\"}";
    private static final List<String> RUN_STATES = List.of("RunTask", "RunTaskOnSpot", "RunTaskOnDemand");

    private RunScenarios() {}

    /** @param withTimeout include the timeout run, which costs the other interpreter one real second */
    static List<Scenario> forMachine(String machine, JsonNode definition, boolean withTimeout) {
        List<Scenario> out = new ArrayList<>();
        Instant now = Instant.now();
        JsonNode onTime = scheduled(now);
        out.add(scenario(now, machine, "success", definition, onTime, base(machine, "success")));
        out.add(scenario(now, machine, "manual", definition, TaskScript.JSON.createObjectNode(), base(machine, "manual")));
        out.add(scenario(now, machine, "exit-1", definition, onTime, runs(base(machine, "exit-1"), failed(1))));
        out.add(scenario(now, machine, "exit-137", definition, onTime, runs(base(machine, "exit-137"), failed(137))));
        out.add(scenario(now, machine, "exit-1-then-0", definition, onTime,
                runs(base(machine, "exit-1-then-0"), failed(1), TaskScript.output(task(0, "EssentialContainerExited")))));
        TaskScript capacity = base(machine, "capacity")
                .with("RunTask", capacityShortage()).with("RunTaskOnSpot", capacityShortage());
        out.add(scenario(now, machine, "capacity", definition, onTime, capacity));
        TaskScript runFailure = base(machine, "run-failure").with("RunTask", runFailures()).with("RunTaskOnSpot", runFailures());
        out.add(scenario(now, machine, "run-failure", definition, onTime, runFailure));
        out.add(scenario(now, machine, "spot-interruption", definition, onTime, runs(base(machine, "spot-interruption"),
                interrupted(), TaskScript.output(task(0, "EssentialContainerExited")))));
        out.add(scenario(now, machine, "access-denied", definition, onTime, runs(base(machine, "access-denied"), accessDenied())));
        if (withTimeout) {
            // The machine's TimeoutSeconds cut to 1 s in both interpreters: the other one waits real time.
            ObjectNode shortTimeout = definition.deepCopy();
            shortTimeout.put("TimeoutSeconds", 1);
            out.add(new Scenario(machine + "/timeout", machine + "-t", "timeout", shortTimeout, onTime,
                    runs(base(machine + "-t", "timeout"), TaskScript.never()), now));
        }
        ObjectNode busy = TaskScript.JSON.createObjectNode();
        busy.putArray("Executions").add(execution(machine, "busy-gate")).add(execution(machine, "other-run"));
        out.add(scenario(now, machine, "busy-gate", definition, onTime,
                base(machine, "busy-gate").with("ListRunningExecutions", TaskScript.output(busy))));
        out.add(scenario(now, machine, "late", definition, scheduled(now.minus(Duration.ofDays(1))), base(machine, "late")));
        return out;
    }

    private static Scenario scenario(Instant now, String machine, String name, JsonNode definition, JsonNode input, TaskScript script) {
        return new Scenario(machine + "/" + name, machine, name, definition, input, script, now);
    }

    /** Every Task succeeds; the gate sees only this execution. */
    private static TaskScript base(String machine, String executionName) {
        ObjectNode idle = TaskScript.JSON.createObjectNode();
        idle.putArray("Executions").add(execution(machine, executionName));
        TaskScript script = TaskScript.empty()
                .with("ListRunningExecutions", TaskScript.output(idle))
                .with("StopExecution", TaskScript.output(TaskScript.JSON.createObjectNode().put("StopDate", 1.7e12)))
                .with("NotifyFailure", TaskScript.output(json(TOPIC_RESULT)));
        return runs(script, TaskScript.output(task(0, "EssentialContainerExited")));
    }

    private static TaskScript runs(TaskScript script, JsonNode... results) {
        TaskScript out = script;
        for (String state : RUN_STATES) {
            out = out.with(state, results);
        }
        return out;
    }

    private static ObjectNode execution(String machine, String name) {
        return TaskScript.JSON.createObjectNode()
                .put("ExecutionArn", "arn:aws:states:us-east-1:123456789012:execution:" + machine + ":" + name)
                .put("Name", name).put("Status", "RUNNING");
    }

    private static JsonNode scheduled(Instant at) {
        ObjectNode input = TaskScript.JSON.createObjectNode();
        input.putObject("input").put("day", "yesterday");
        return input.put("scheduledTime", at.toString().replaceFirst("\\.\\d+Z$", "Z")).put("executionId", "e-1");
    }

    static JsonNode failed(int exitCode) {
        return TaskScript.error("States.TaskFailed", task(exitCode, "EssentialContainerExited").toString());
    }

    static JsonNode interrupted() {
        ObjectNode t = task(0, "SpotInterruption");
        t.put("StoppedReason", "Your Spot Task was interrupted.");
        ((ObjectNode) t.withArray("Containers").get(0)).remove("ExitCode");
        return TaskScript.error("States.TaskFailed", t.toString());
    }

    static JsonNode capacityShortage() {
        return TaskScript.error("ECS.AmazonECSException", "Capacity is unavailable at this time. Please try again later or "
                + "in a different availability zone (Service: AmazonECS; Status Code: 400; Error Code: ClientException; "
                + "Request ID: 0c7a3a5e-0000-0000-0000-000000000000; Proxy: null)");
    }

    static JsonNode runFailures() {
        return TaskScript.error("AmazonECS.Unknown", "Tasks provisioning failures: [{\"Arn\":\"arn:aws:ecs:us-east-1:"
                + "123456789012:task/batch/0f\",\"Reason\":\"RESOURCE:MEMORY\"}]");
    }

    static JsonNode accessDenied() {
        return TaskScript.error("ECS.AmazonECSException", "User: arn:aws:sts::123456789012:assumed-role/jobform-states/x "
                + "is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:123456789012:"
                + "task-definition/jobform-job (Service: AmazonECS; Status Code: 400; Error Code: AccessDeniedException; "
                + "Request ID: 1d7a3a5e-0000-0000-0000-000000000000; Proxy: null)");
    }

    /** A stopped task as runTask.sync describes it (PascalCase members). */
    static ObjectNode task(int exitCode, String stopCode) {
        ObjectNode t = TaskScript.JSON.createObjectNode();
        t.put("ClusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/batch");
        t.put("TaskArn", "arn:aws:ecs:us-east-1:123456789012:task/batch/0123456789abcdef");
        t.put("LastStatus", "STOPPED").put("StopCode", stopCode).put("StoppedReason", "Essential container in task exited");
        t.putArray("Containers").addObject().put("Name", "job").put("ExitCode", exitCode).put("LastStatus", "STOPPED");
        return t;
    }

    private static JsonNode json(String text) {
        try {
            return TaskScript.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
