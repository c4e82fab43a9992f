package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The states in front of RunTask that implement Kubernetes CronJob's concurrencyPolicy with the
 * AWS SDK integrations {@code aws-sdk:sfn:listExecutions} and {@code aws-sdk:sfn:stopExecution}.
 * SDK integration results keep the API's member names in PascalCase ({@code Executions},
 * {@code ExecutionArn}).
 */
final class ConcurrencyGate {

    private ConcurrencyGate() {}

    /** Forbid: end as {@code Skipped} when an execution other than this one is RUNNING. */
    static void forbid(ObjectNode states, String next, String partition) {
        states.set("ListRunningExecutions", listRunning(partition, 2, "CheckConcurrency"));
        // This execution is itself RUNNING: another one exists when two are listed, or when the
        // only one listed is not this one (listing is eventually consistent).
        ObjectNode another = CanonicalJson.object();
        ArrayNode or = another.putArray("Or");
        or.addObject().put("Variable", "$.gate.Executions[1]").put("IsPresent", true);
        ObjectNode firstIsOther = or.addObject();
        ArrayNode and = firstIsOther.putArray("And");
        and.addObject().put("Variable", "$.gate.Executions[0].ExecutionArn").put("IsPresent", true);
        and.addObject().putObject("Not").put("Variable", "$.gate.Executions[0].ExecutionArn")
                .put("StringEqualsPath", "$$.Execution.Id");
        another.put("Next", StateMachineRenderer.SKIPPED);
        states.set("CheckConcurrency", StateMachineRenderer.choice(List.of(another), next));
        states.set(StateMachineRenderer.SKIPPED,
                AslStates.succeed("concurrencyPolicy Forbid: another run of this job is still running"));
    }

    /** Replace: stop every other RUNNING execution of this machine, then run. */
    static void replace(ObjectNode states, String next, String partition) {
        states.set("ListRunningExecutions", listRunning(partition, 100, "StopOtherExecutions"));
        ObjectNode map = CanonicalJson.object().put("Type", "Map");
        map.put("ItemsPath", "$.gate.Executions");
        map.putObject("ItemSelector")
                .put("ExecutionArn.$", "$$.Map.Item.Value.ExecutionArn")
                .put("Self.$", "$$.Execution.Id");
        map.put("MaxConcurrency", 10);
        ObjectNode processor = map.putObject("ItemProcessor");
        processor.putObject("ProcessorConfig").put("Mode", "INLINE");
        processor.put("StartAt", "IsThisExecution");
        ObjectNode inner = processor.putObject("States");
        ObjectNode self = CanonicalJson.object().put("Variable", "$.ExecutionArn")
                .put("StringEqualsPath", "$.Self").put("Next", "Keep");
        inner.set("IsThisExecution", StateMachineRenderer.choice(List.of(self), "StopExecution"));
        ObjectNode parameters = CanonicalJson.object();
        parameters.put("ExecutionArn.$", "$.ExecutionArn");
        parameters.put("Error", "jobform.Replaced");
        parameters.put("Cause.$", "States.Format('concurrencyPolicy Replace: replaced by {}', $.Self)");
        ObjectNode stop = AslStates.task("arn:" + partition + ":states:::aws-sdk:sfn:stopExecution", parameters);
        stop.set("Retry", AslStates.apiRetry());
        // The other execution may have ended meanwhile: nothing left to stop.
        stop.putArray("Catch").add(AslStates.catcher(List.of("Sfn.ExecutionDoesNotExistException"), "$.stopError", "Keep"));
        stop.put("End", true);
        inner.set("StopExecution", stop);
        inner.set("Keep", AslStates.succeed("nothing to stop"));
        map.put("ResultPath", (String) null);
        map.put("Next", next);
        states.set("StopOtherExecutions", map);
    }

    private static ObjectNode listRunning(String partition, int maxResults, String next) {
        ObjectNode parameters = CanonicalJson.object();
        parameters.put("StateMachineArn.$", "$$.StateMachine.Id");
        parameters.put("StatusFilter", "RUNNING");
        parameters.put("MaxResults", maxResults);
        ObjectNode state = AslStates.task("arn:" + partition + ":states:::aws-sdk:sfn:listExecutions", parameters);
        state.putObject("ResultSelector").put("Executions.$", "$.Executions");
        state.put("ResultPath", "$.gate");
        state.set("Retry", AslStates.apiRetry());
        state.put("Next", next);
        return state;
    }
}
