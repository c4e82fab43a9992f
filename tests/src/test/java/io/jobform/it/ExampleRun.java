package io.jobform.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.ScheduledJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * One execution of an example job's state machine in the sandbox, read back through the SDK:
 * started with the input its schedule sends (or, for an on-demand job, the input {@code jobform
 * run} sends), then its history split into the top-level states and those of the Run branch,
 * the RunTask requests, and the tasks as ECS describes them.
 */
record ExampleRun(Sandbox sandbox, ScheduledJob job, String arn) {
    static final ObjectMapper JSON = new ObjectMapper();

    static String machineArn(ScheduledJob job) {
        return "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-" + job.name();
    }

    /**
     * The schedule's target input with the context attributes Scheduler substitutes ("Adding
     * context attributes", EventBridge Scheduler user guide): an execution ID and the scheduled
     * time as a UTC date-time such as 2022-03-22T18:59:43Z. An on-demand job has no schedule:
     * {@code {"input": <manifest input>}}, as {@code jobform run} starts it.
     */
    static String input(Sandbox sandbox, ScheduledJob job, Instant scheduled) {
        if (job.spec().schedule().isEmpty()) {
            ObjectNode input = JSON.createObjectNode();
            input.set("input", job.spec().input());
            return input.toString();
        }
        String template = sandbox.clients.scheduler.getSchedule(r -> r.groupName("jobform").name("jobform-" + job.name()))
                .target().input();
        return template.replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                .replace("<aws.scheduler.scheduled-time>", scheduled.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static ExampleRun start(Sandbox sandbox, ScheduledJob job, String name, Instant scheduled) {
        String input = input(sandbox, job, scheduled);
        return new ExampleRun(sandbox, job, sandbox.clients.sfn.startExecution(r -> r.stateMachineArn(machineArn(job))
                .name(name).input(input)).executionArn());
    }

    String name() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    DescribeExecutionResponse describe() {
        return sandbox.clients.sfn.describeExecution(r -> r.executionArn(arn));
    }

    List<HistoryEvent> history() {
        List<HistoryEvent> out = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var answer = sandbox.clients.sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000).nextToken(page));
            out.addAll(answer.events());
            token = answer.nextToken();
        } while (token != null);
        return out;
    }

    /** The top-level states entered, in order (the Run branch's and Map iterations' states left out). */
    List<String> path() {
        Set<String> top = topLevelStates();
        return entered().stream().filter(top::contains).toList();
    }

    /** The states entered inside the Run branch, in order. */
    List<String> branchPath() {
        List<String> all = entered();
        int from = all.indexOf("Run");
        int to = all.indexOf("CheckRun");
        return from < 0 || to < 0 ? List.of() : all.subList(from + 1, to);
    }

    private List<String> entered() {
        return history().stream().filter(e -> e.stateEnteredEventDetails() != null)
                .map(e -> e.stateEnteredEventDetails().name()).toList();
    }

    private Set<String> topLevelStates() {
        String definition = sandbox.clients.sfn.describeStateMachine(r -> r.stateMachineArn(machineArn(job))).definition();
        Set<String> names = new java.util.HashSet<>();
        read(definition).path("States").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The parameters of each ecs:runTask.sync call, with the name of the state that made it. */
    List<JsonNode> runTaskRequests() {
        List<JsonNode> out = new ArrayList<>();
        for (HistoryEvent e : history()) {
            if (e.type() == HistoryEventType.TASK_SCHEDULED
                    && e.taskScheduledEventDetails().resource().equals("runTask.sync")) {
                out.add(read(e.taskScheduledEventDetails().parameters()));
            }
        }
        return out;
    }

    /** The tasks RunTask started, as ECS DescribeTasks shows them now. */
    List<Task> tasks() {
        List<String> arns = new ArrayList<>();
        for (HistoryEvent e : history()) {
            if (e.type() == HistoryEventType.TASK_SUBMITTED) {
                arns.add(read(e.taskSubmittedEventDetails().output()).path("Tasks").get(0).path("TaskArn").asText());
            }
        }
        if (arns.isEmpty()) {
            return List.of();
        }
        String cluster = job.spec().cluster().orElse("jobform-local");
        var answer = sandbox.clients.ecs.describeTasks(r -> r.cluster(cluster).tasks(arns));
        if (!answer.failures().isEmpty()) {
            throw new AssertionError("ECS does not know the tasks " + answer.failures());
        }
        var byArn = new java.util.HashMap<String, Task>();
        answer.tasks().forEach(t -> byArn.put(t.taskArn(), t));
        return arns.stream().map(byArn::get).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
