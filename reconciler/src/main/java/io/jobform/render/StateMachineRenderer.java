package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.JobSpec;
import java.util.List;

/**
 * Renders a job's Standard state machine (JSONPath ASL). Sources: Step Functions developer
 * guide "Run Amazon ECS or Fargate tasks with Step Functions" (runTask.sync, AmazonECS.Unknown on
 * non-empty Failures), "Handling errors in Step Functions workflows" (Retry fields, JitterStrategy,
 * MaxDelaySeconds, States.* names), "Learning to use AWS service SDK integrations" (aws-sdk:sfn:*,
 * error names ServiceName.ErrorName), "Publish messages to an Amazon SNS topic" (sns:publish),
 * "Intrinsic functions" (States.JsonToString, States.Format), "Transforming data with JSONata"
 * (a JSONPath workflow may run single states in JSONata).
 */
final class StateMachineRenderer {

    static final String SKIPPED = "Skipped";
    static final String MISSED_DEADLINE = "MissedStartingDeadline";
    static final String RUN = "Run";
    /** Seconds the machine's TimeoutSeconds leaves beyond the job's timeout for the failure report. */
    static final int REPORT_SECONDS = 300;
    /** A JSONata regex for a full date-time with Z or a ±hh:mm offset, as $toMillis parses it. */
    private static final String DATE_TIME = "/^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d"
            + "(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$/";

    private StateMachineRenderer() {}

    static StateMachineSpec render(ResolvedJob job, Names names) {
        ObjectNode asl = definition(job, names);
        String name = names.jobResource(job.name());
        return new StateMachineSpec(name, names.stateMachineArn(job.name()), CanonicalJson.write(asl),
                names.roleArn(names.sharedRole(Names.STATES_ROLE)), "STANDARD", "OFF", job.name(),
                Tags.forJob(names.instance(), job.job()));
    }

    static ObjectNode definition(ResolvedJob job, Names names) {
        JobSpec spec = job.job().spec();
        ObjectNode asl = CanonicalJson.object();
        asl.put("Comment", "jobform job " + job.name() + " of instance " + names.instance());
        asl.put("QueryLanguage", "JSONPath");
        // Each RunTask state holds the job's timeout (a Parallel state has no TimeoutSeconds in the
        // States Language), so a timeout is caught and reported like any other failure; the
        // machine's own limit is a backstop above the longest run the retries allow.
        asl.put("TimeoutSeconds", RunAttempts.longestRunSeconds(spec) + REPORT_SECONDS);
        ObjectNode states = asl.putObject("States");

        // The deadline is checked before the concurrency gate: a run that is skipped for being late
        // must not first stop the running execution (Replace).
        String afterDeadline = spec.concurrencyPolicy() == ConcurrencyPolicy.ALLOW ? RUN : "ListRunningExecutions";
        String afterInput = spec.startingDeadlineSeconds().isPresent() ? "CheckStartingDeadline" : afterDeadline;

        asl.put("StartAt", "CheckInput");
        // Manual runs may start with any input: without "input" the manifest's input is used.
        states.set("CheckInput", choice(List.of(present("$.input", afterInput)), "UseManifestInput"));
        ObjectNode useManifestInput = CanonicalJson.object().put("Type", "Pass");
        useManifestInput.set("Result", spec.input());
        useManifestInput.put("ResultPath", "$.input").put("Next", afterInput);
        states.set("UseManifestInput", useManifestInput);

        switch (spec.concurrencyPolicy()) {
            case ALLOW -> { }
            case FORBID -> ConcurrencyGate.forbid(states, RUN, names.config().partition());
            case REPLACE -> ConcurrencyGate.replace(states, RUN, names.config().partition());
        }
        spec.startingDeadlineSeconds().ifPresent(deadline -> {
            int jitterSeconds = spec.schedule().flatMap(s -> s.jitterMinutes()).orElse(0) * 60;
            states.set("CheckStartingDeadline", deadlineCheck(deadline + jitterSeconds, afterDeadline));
            states.set(MISSED_DEADLINE, AslStates.succeed("the run could not start within startingDeadlineSeconds"));
        });

        ObjectNode run = CanonicalJson.object().put("Type", "Parallel");
        run.set("Parameters", RunAttempts.branchInput(spec.retries()));
        run.putArray("Branches").add(RunAttempts.branch(job, names, spec.capacity(), spec.retries(), spec.timeoutSeconds()));
        run.putObject("ResultSelector").put("branch.$", "$[0]");
        run.put("ResultPath", "$.run");
        run.putArray("Catch").add(AslStates.catcher(List.of(AslStates.ALL), "$.runFailure", FailureReport.UNEXPECTED));
        run.put("Next", FailureReport.CHECK);
        states.set(RUN, run);
        FailureReport.render(states, job, names, spec.notifications().onFailure());
        return asl;
    }

    /**
     * JSONPath has no date arithmetic, so this one Choice state is JSONata. It compares the moment
     * the state is entered ({@code $states.context.State.EnteredTime}) with the schedule's
     * {@code scheduledTime}; the allowance includes the flexible window. Only a string that is a
     * full ISO 8601 date-time with an offset is compared: Scheduler sends e.g.
     * {@code 2022-03-22T18:59:43Z} (EventBridge Scheduler user guide, "Adding context attributes").
     * Anything else (absent for manual runs, null, the unsubstituted placeholder, garbage) runs
     * the job, because {@code $toMillis} would raise States.QueryEvaluationError on it and a Choice
     * state cannot catch errors. {@code and} evaluates its right side only when the left is true
     * (JSONata 2.0, which Step Functions implements: "Transforming data with JSONata in Step
     * Functions"). Without {@code Output} the state's input passes on unchanged ("Processing input
     * and output in Step Functions"), so the following JSONPath states still read {@code $.input}.
     * StartingDeadlineCheckTest evaluates this expression.
     */
    private static ObjectNode deadlineCheck(int allowedSeconds, String next) {
        String scheduled = "$states.input.scheduledTime";
        ObjectNode state = CanonicalJson.object().put("Type", "Choice").put("QueryLanguage", "JSONata");
        ObjectNode rule = state.putArray("Choices").addObject();
        rule.put("Condition", "{% $type(" + scheduled + ") = 'string' and $contains(" + scheduled + ", " + DATE_TIME + ") and "
                + "$toMillis($states.context.State.EnteredTime) - $toMillis(" + scheduled + ") > "
                + (allowedSeconds * 1000L) + " %}");
        rule.put("Next", MISSED_DEADLINE);
        state.put("Default", next);
        return state;
    }

    static ObjectNode choice(List<ObjectNode> rules, String defaultNext) {
        ObjectNode state = CanonicalJson.object().put("Type", "Choice");
        ArrayNode choices = state.putArray("Choices");
        rules.forEach(choices::add);
        state.put("Default", defaultNext);
        return state;
    }

    static ObjectNode present(String variable, String next) {
        return CanonicalJson.object().put("Variable", variable).put("IsPresent", true).put("Next", next);
    }
}
