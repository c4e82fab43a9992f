package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.sfn.asl.TaskAnswer;
import io.jobform.emulator.sfn.asl.TaskCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code aws-sdk:sfn:*} calls the rendered machines make, seen at the call's simulated
 * time. Parameters and results use the API's member names in PascalCase; errors are named
 * {@code Sfn.<Exception class>} ("Learning to use AWS service SDK integrations").
 */
final class SfnSdkCalls {
    private final StateMachineStore store;
    private final ExecutionRunner runner;

    SfnSdkCalls(StateMachineStore store, ExecutionRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    TaskAnswer call(String action, TaskCall call) {
        JsonNode p = call.parameters();
        Instant t = call.at();
        try {
            return switch (action) {
                case "listExecutions" -> TaskAnswer.result(list(p, t), t);
                case "stopExecution" -> {
                    ObjectNode execution = store.execution(p.path("ExecutionArn").asText());
                    runner.stop(execution, t, p.path("Error").textValue(), p.path("Cause").textValue());
                    yield TaskAnswer.result(JsonBody.object().put("StopDate", stopDate(execution, t).toEpochMilli()), t);
                }
                case "describeExecution" -> TaskAnswer.result(describe(store.execution(p.path("ExecutionArn").asText()), t), t);
                default -> TaskAnswer.failure("States.Runtime", "The emulator does not execute aws-sdk:sfn:" + action, t);
            };
        } catch (AwsException e) {
            String exception = e.code().endsWith("Exception") ? e.code() : e.code() + "Exception";
            return TaskAnswer.failure("Sfn." + exception, e.getMessage() + " (Service: Sfn, Status Code: 400)", t);
        }
    }

    /**
     * StopExecution lists no error for an execution that is no longer running (API reference,
     * StopExecution, Errors: only ExecutionDoesNotExist, InvalidArn, the KMS errors and
     * ValidationException), so stopping one that has ended succeeds and leaves it as it ended;
     * the answer carries the moment it ended.
     */
    private static Instant stopDate(ObjectNode execution, Instant t) {
        if (execution.has("stopDate") && !JsonBody.instant(execution.get("stopDate")).isAfter(t)) {
            return JsonBody.instant(execution.get("stopDate"));
        }
        JsonNode end = execution.get("_end");
        return end != null && !JsonBody.instant(end.get("at")).isAfter(t) ? JsonBody.instant(end.get("at")) : t;
    }

    /**
     * Newest first, like ListExecutions; an execution counts from its start, with its status at
     * {@code t}. NextToken names where the next page starts in the unfiltered listing, so a page
     * stays put while executions of the previous page are stopped meanwhile (the Replace gate
     * stops them between its calls). A token this machine never gave out is InvalidToken.
     */
    private ObjectNode list(JsonNode p, Instant t) {
        StateMachineStore.Machine machine = store.machine(p.path("StateMachineArn").asText());
        String filter = p.path("StatusFilter").asText(null);
        int max = p.path("MaxResults").asInt(100);
        List<ObjectNode> all = new ArrayList<>(machine.executions.values());
        Collections.reverse(all);
        if (p.hasNonNull("NextToken")) {
            String token = p.get("NextToken").asText();
            int from = all.stream().map(e -> e.path("name").asText()).toList().indexOf(token);
            if (from < 0) {
                throw SfnErrors.of("InvalidToken", "Invalid Token: '" + token + "'");
            }
            all = all.subList(from, all.size());
        }
        ObjectNode out = JsonBody.object();
        ArrayNode executions = out.putArray("Executions");
        for (ObjectNode e : all) {
            if (JsonBody.instant(e.get("startDate")).isAfter(t)) {
                continue;
            }
            String status = ExecutionRunner.statusAt(e, t);
            if (filter != null && !filter.equals(status)) {
                continue;
            }
            if (executions.size() == (max == 0 ? 100 : max)) {
                out.put("NextToken", e.path("name").asText());
                break;
            }
            executions.addObject().put("ExecutionArn", e.path("executionArn").asText())
                    .put("StateMachineArn", e.path("stateMachineArn").asText()).put("Name", e.path("name").asText())
                    .put("Status", status).put("StartDate", JsonBody.instant(e.get("startDate")).toEpochMilli());
        }
        return out;
    }

    private static ObjectNode describe(ObjectNode e, Instant t) {
        return JsonBody.object().put("ExecutionArn", e.path("executionArn").asText())
                .put("StateMachineArn", e.path("stateMachineArn").asText()).put("Name", e.path("name").asText())
                .put("Status", ExecutionRunner.statusAt(e, t)).put("Input", e.path("input").asText())
                .put("StartDate", JsonBody.instant(e.get("startDate")).toEpochMilli());
    }
}
