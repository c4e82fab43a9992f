package io.jobform.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The states after {@code Run}: the execution's output when it succeeded; else the outcome
 * the branch left at {@code $.gaveUp.outcome}, the optional SNS notification, and the Fail state whose
 * Error is the {@link FailureClass} and whose Cause is the one-line reason.
 */
final class FailureReport {

    static final String CHECK = "CheckRun";
    static final String UNEXPECTED = "RunFailedUnexpectedly";
    static final String FAILED = "Failed";
    static final String NOTIFY = "NotifyFailure";
    /** The version of the notification body; docs/resources.md describes each member. */
    static final String MESSAGE_VERSION = "1";

    private FailureReport() {}

    static void render(ObjectNode states, ResolvedJob job, Names names, Optional<String> topic) {
        String next = topic.isPresent() ? "BuildNotification" : FAILED;
        ObjectNode failed = CanonicalJson.object().put("Variable", "$.run.branch.gaveUp").put("IsPresent", true)
                .put("Next", "ReadOutcome");
        states.set(CHECK, StateMachineRenderer.choice(List.of(failed), "RunSucceeded"));
        // The execution's output: the run's input and the ECS task description.
        states.set("RunSucceeded", CanonicalJson.object().put("Type", "Pass").<ObjectNode>set("Parameters",
                CanonicalJson.object().put("input.$", "$.input").put("task.$", "$.run.branch.task")).put("End", true));
        states.set("ReadOutcome", AslStates.pass(CanonicalJson.object().put("outcome.$", "$.run.branch.gaveUp.outcome"), "$.report", next));
        // The branch ends by itself on every failure it classifies; anything else lands here.
        ObjectNode unexpected = outcome(FailureClass.UNCLASSIFIED, "");
        ((ObjectNode) unexpected.get("outcome")).remove("cause");
        ((ObjectNode) unexpected.get("outcome")).put("cause.$", "$.runFailure.Error");
        ((ObjectNode) unexpected.get("outcome")).put("message.$", "$.runFailure.Error");
        states.set(UNEXPECTED, AslStates.pass(unexpected, "$.report", next));
        topic.ifPresent(arn -> {
            states.set("BuildNotification", AslStates.pass(message(job, names), "$.notification", NOTIFY));
            states.set(NOTIFY, notify(arn, job, names));
        });
        ObjectNode fail = CanonicalJson.object().put("Type", "Fail");
        fail.put("ErrorPath", "$.report.outcome.class").put("CausePath", "$.report.outcome.message");
        states.set(FAILED, fail);
    }

    private static ObjectNode outcome(FailureClass failure, String cause) {
        ObjectNode p = CanonicalJson.object();
        p.putObject("outcome").put("class", failure.error()).put("cause", cause).putNull("exitCode")
                .put("stopCode", "").put("stoppedReason", "").putNull("attempts");
        return p;
    }

    /**
     * The notification body, version {@value #MESSAGE_VERSION}. The console link has the shape of
     * {@code io.jobform.operate.ConsoleUrls}: the Step Functions console's execution details page.
     */
    private static ObjectNode message(ResolvedJob job, Names names) {
        String region = names.config().region();
        ObjectNode m = CanonicalJson.object();
        m.put("version", MESSAGE_VERSION);
        m.put("instance", names.instance());
        m.put("job", job.name());
        m.put("stateMachine", names.jobResource(job.name()));
        m.put("execution.$", "$$.Execution.Name");
        m.put("executionArn.$", "$$.Execution.Id");
        m.put("startTime.$", "$$.Execution.StartTime");
        m.put("consoleUrl.$", "States.Format('https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/{}', $$.Execution.Id)");
        m.put("class.$", "$.report.outcome.class");
        m.put("cause.$", "$.report.outcome.cause");
        m.put("exitCode.$", "$.report.outcome.exitCode");
        m.put("stopCode.$", "$.report.outcome.stopCode");
        m.put("stoppedReason.$", "$.report.outcome.stoppedReason");
        m.put("attempts.$", "$.report.outcome.attempts");
        return m;
    }

    private static ObjectNode notify(String topic, ResolvedJob job, Names names) {
        ObjectNode parameters = CanonicalJson.object();
        parameters.put("TopicArn", topic);
        parameters.put("Subject", "jobform: job " + job.name() + " failed");
        parameters.put("Message.$", "States.JsonToString($.notification)");
        ObjectNode state = AslStates.task("arn:" + names.config().partition() + ":states:::sns:publish", parameters);
        state.put("ResultPath", (String) null);
        state.set("Retry", AslStates.apiRetry());
        // A failed notification must not hide the job's own failure.
        state.putArray("Catch").add(AslStates.catcher(List.of(AslStates.ALL), "$.notifyError", FAILED));
        state.put("Next", FAILED);
        return state;
    }
}
