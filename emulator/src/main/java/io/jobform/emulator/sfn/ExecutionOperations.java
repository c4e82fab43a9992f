package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * StartExecution, DescribeExecution, ListExecutions, StopExecution and RedriveExecution.
 * StartExecution runs the machine through {@link ExecutionRunner}; members starting with
 * {@code _} are its bookkeeping and never leave the emulator.
 */
final class ExecutionOperations {
    static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
            "PENDING_REDRIVE");
    /** Execution input and output are at most 256 KiB (botocore SensitiveData max 262144). */
    private static final int MAX_INPUT = 262_144;

    private final StateMachineStore store;
    private final Clock clock;
    private final ExecutionRunner runner;

    ExecutionOperations(StateMachineStore store, Clock clock, ExecutionRunner runner) {
        this.store = store;
        this.clock = clock;
        this.runner = runner;
    }

    /**
     * Same name and input as a RUNNING execution returns that execution (Standard workflows are
     * idempotent on name); a closed execution or different input is ExecutionAlreadyExists.
     */
    ObjectNode start(Fields in) {
        StateMachineStore.Machine machine = store.machine(in.requiredString("stateMachineArn"));
        String name = SfnNames.checkName(in.string("name").orElseGet(() -> UUID.randomUUID().toString()));
        String input = in.string("input").orElse("{}");
        if (input.length() > MAX_INPUT) {
            throw SfnErrors.validation("1 validation error detected: Value at 'input' failed to satisfy constraint: Member "
                    + "must have length less than or equal to " + MAX_INPUT);
        }
        try {
            JsonBody.mapper().readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SfnErrors.of("InvalidExecutionInput", "Invalid Execution Input: '" + e.getOriginalMessage() + "'");
        }
        String arn = SfnNames.executionArn(store.region, store.accountId, machine.name(), name);
        ObjectNode existing = machine.executions.get(name);
        if (existing != null) {
            if (existing.path("status").asText().equals("RUNNING") && existing.path("input").asText().equals(input)) {
                return started(existing);
            }
            throw SfnErrors.of("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        ObjectNode execution = JsonBody.object();
        execution.put("executionArn", arn);
        execution.put("stateMachineArn", machine.arn());
        execution.put("name", name);
        execution.put("status", "RUNNING");
        execution.put("startDate", JsonBody.epochSeconds(clock.instant()));
        execution.put("input", input);
        execution.putObject("inputDetails").put("included", true);
        execution.put("redriveCount", 0);
        execution.put("redriveStatus", "NOT_REDRIVABLE");
        execution.put("redriveStatusReason", "Execution is RUNNING and cannot be redriven");
        machine.executions.put(name, execution);
        runner.start(machine, execution);
        runner.settle();
        return started(execution);
    }

    ObjectNode describe(Fields in) {
        ObjectNode out = store.execution(in.requiredString("executionArn")).deepCopy();
        out.remove(List.of("_events", "_end", "_resume", "_tasks", "_logs"));
        return out;
    }

    /** Newest first, as ListExecutions returns them. */
    ObjectNode list(Fields in) {
        StateMachineStore.Machine machine = store.machine(in.string("stateMachineArn")
                .orElseThrow(() -> SfnErrors.validation("Must provide a StateMachine ARN or MapRun ARN")));
        var status = in.enumValue("statusFilter", STATUSES);
        List<ObjectNode> matching = new ArrayList<>(machine.executions.values().stream()
                .filter(e -> status.map(e.path("status").asText()::equals).orElse(true)).toList());
        Collections.reverse(matching);
        var page = PageTokens.page(matching, e -> e.path("name").asText(), in.string("nextToken"),
                SfnPaging.pageSize(in), SfnPaging::invalidToken);
        ObjectNode out = JsonBody.object();
        ArrayNode executions = out.putArray("executions");
        page.items().forEach(e -> {
            ObjectNode item = executions.addObject();
            for (String member : List.of("executionArn", "stateMachineArn", "name", "status", "startDate", "stopDate",
                    "redriveCount", "redriveDate")) {
                if (e.has(member)) {
                    item.set(member, e.get(member));
                }
            }
        });
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    ObjectNode stop(Fields in) {
        ObjectNode execution = store.execution(in.requiredString("executionArn"));
        String error = in.string("error", 0, 256, null).orElse(null);
        String cause = in.string("cause", 0, 32768, null).orElse(null);
        if (execution.path("status").asText().equals("RUNNING")) {
            runner.stop(execution, clock.instant(), error, cause);
        }
        ObjectNode out = JsonBody.object();
        out.set("stopDate", execution.get("stopDate"));
        return out;
    }

    /** Only FAILED, TIMED_OUT and ABORTED Standard executions can be redriven (API_RedriveExecution). */
    ObjectNode redrive(Fields in) {
        String arn = in.requiredString("executionArn");
        ObjectNode execution = store.execution(arn);
        String status = execution.path("status").asText();
        if (!List.of("FAILED", "TIMED_OUT", "ABORTED").contains(status)) {
            throw SfnErrors.of("ExecutionNotRedrivable", "Execution is not redrivable: '" + arn + "' is " + status);
        }
        double now = JsonBody.epochSeconds(clock.instant());
        for (String member : List.of("stopDate", "output", "outputDetails", "error", "cause")) {
            execution.remove(member);
        }
        execution.put("status", "RUNNING");
        execution.put("redriveCount", execution.path("redriveCount").asInt() + 1);
        execution.put("redriveDate", now);
        execution.put("redriveStatus", "NOT_REDRIVABLE");
        execution.put("redriveStatusReason", "Execution is RUNNING and cannot be redriven");
        runner.redrive(store.machine(execution.path("stateMachineArn").asText()), execution, clock.instant());
        runner.settle();
        ObjectNode out = JsonBody.object();
        out.put("redriveDate", now);
        return out;
    }

    /** The test hook: applies an outcome to a RUNNING execution now. */
    void complete(String executionArn, ExecutionOutcome outcome) {
        ObjectNode execution = store.execution(executionArn);
        if (!execution.path("status").asText().equals("RUNNING")) {
            throw new IllegalStateException("Execution " + executionArn + " is " + execution.path("status").asText()
                    + ", not RUNNING");
        }
        runner.complete(execution, clock.instant(), outcome);
    }

    static void close(ObjectNode execution, String status, java.time.Instant at, java.util.Optional<String> output,
            java.util.Optional<String> error, java.util.Optional<String> cause) {
        execution.put("status", status);
        execution.put("stopDate", JsonBody.epochSeconds(at));
        output.ifPresent(o -> {
            execution.put("output", o);
            execution.putObject("outputDetails").put("included", true);
        });
        error.ifPresent(e -> execution.put("error", e));
        cause.ifPresent(c -> execution.put("cause", c));
        boolean redrivable = !status.equals("SUCCEEDED");
        execution.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
        execution.put("redriveStatusReason", redrivable ? "Execution can be redriven"
                : "Execution is SUCCEEDED and cannot be redriven");
    }

    private static ObjectNode started(JsonNode execution) {
        ObjectNode out = JsonBody.object();
        out.set("executionArn", execution.get("executionArn"));
        out.set("startDate", execution.get("startDate"));
        return out;
    }
}
