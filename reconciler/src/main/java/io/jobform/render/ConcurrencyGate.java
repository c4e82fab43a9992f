package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The states in front of RunTask that implement Kubernetes CronJob's concurrencyPolicy with the
 * AWS SDK integrations {@code aws-sdk:sfn:listExecutions} and {@code aws-sdk:sfn:stopExecution}.
 * SDK integration results keep the API's member names in PascalCase ({@code Executions},
 * {@code ExecutionArn}, {@code NextToken}). ListExecutions' maxResults "is only an upper limit.
 * The actual number of results returned per call might be fewer" (Step Functions API reference,
 * ListExecutions), so both gates follow {@code NextToken} to the last page instead of trusting
 * one page's size.
 */
final class ConcurrencyGate {

    static final String LIST = "ListRunningExecutions";
    static final String LIST_MORE = "ListMoreRunningExecutions";
    private static final int PAGE = 100;

    private ConcurrencyGate() {}

    /** Forbid: end as {@code Skipped} when any execution other than this one is RUNNING, on any page. */
    static void forbid(ObjectNode states, String next, String partition) {
        states.set(LIST, listRunning(partition, false, "CheckConcurrency"));
        states.set(LIST_MORE, listRunning(partition, true, "CheckConcurrency"));
        // This execution appears at most once in the whole listing: a page with two entries holds
        // another one, and so does a page whose only entry is not this execution.
        ObjectNode another = CanonicalJson.object();
        ArrayNode or = another.putArray("Or");
        or.addObject().put("Variable", "$.gate.Executions[1]").put("IsPresent", true);
        ObjectNode firstIsOther = or.addObject();
        ArrayNode and = firstIsOther.putArray("And");
        and.addObject().put("Variable", "$.gate.Executions[0].ExecutionArn").put("IsPresent", true);
        and.addObject().putObject("Not").put("Variable", "$.gate.Executions[0].ExecutionArn")
                .put("StringEqualsPath", "$$.Execution.Id");
        another.put("Next", StateMachineRenderer.SKIPPED);
        states.set("CheckConcurrency", StateMachineRenderer.choice(List.of(another, morePages()), next));
        states.set(StateMachineRenderer.SKIPPED,
                AslStates.succeed("concurrencyPolicy Forbid: another run of this job is still running"));
    }

    /** Replace: stop every other RUNNING execution of this machine, page by page, then run. */
    static void replace(ObjectNode states, String next, String partition) {
        states.set(LIST, listRunning(partition, false, "StopOtherExecutions"));
        states.set(LIST_MORE, listRunning(partition, true, "StopOtherExecutions"));
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
        // The other execution may have ended meanwhile: StopExecution then succeeds and changes
        // nothing, as it lists no error for an execution that is not running; one that no longer
        // exists is ExecutionDoesNotExist (Step Functions API reference, StopExecution, Errors):
        // nothing left to stop. Retrying that cannot help, and Retry is evaluated before Catch
        // ("Handling errors in Step Functions workflows"), so a retrier with MaxAttempts 0 comes first.
        String missing = "Sfn.ExecutionDoesNotExistException";
        stop.putArray("Catch").add(AslStates.catcher(List.of(missing), "$.stopError", "Keep"));
        ArrayNode retry = stop.putArray("Retry");
        retry.add(AslStates.retrier(List.of(missing), 1, 0, 1.0));
        retry.addAll(AslStates.apiRetry());
        stop.put("End", true);
        inner.set("StopExecution", stop);
        inner.set("Keep", AslStates.succeed("nothing to stop"));
        map.put("ResultPath", (String) null);
        map.put("Next", "CheckMoreExecutions");
        states.set("StopOtherExecutions", map);
        states.set("CheckMoreExecutions", StateMachineRenderer.choice(List.of(morePages()), next));
    }

    private static ObjectNode morePages() {
        return CanonicalJson.object().put("Variable", "$.gate.NextToken").put("IsPresent", true).put("Next", LIST_MORE);
    }

    private static ObjectNode listRunning(String partition, boolean nextPage, String next) {
        ObjectNode parameters = CanonicalJson.object();
        parameters.put("StateMachineArn.$", "$$.StateMachine.Id");
        parameters.put("StatusFilter", "RUNNING");
        parameters.put("MaxResults", PAGE);
        if (nextPage) {
            parameters.put("NextToken.$", "$.gate.NextToken");
        }
        ObjectNode state = AslStates.task("arn:" + partition + ":states:::aws-sdk:sfn:listExecutions", parameters);
        // The whole result, not a ResultSelector: a selector path to an absent NextToken would fail the state.
        state.put("ResultPath", "$.gate");
        state.set("Retry", AslStates.apiRetry());
        state.put("Next", next);
        return state;
    }
}
