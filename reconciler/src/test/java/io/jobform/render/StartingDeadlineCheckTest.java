package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.render.JsonataChoiceState.Outcome;
import io.jobform.render.JsonataChoiceState.QueryEvaluationError;
import io.jobform.render.JsonataChoiceState.Transition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates the rendered CheckStartingDeadline state (the machine's one JSONata state) with a
 * JSONata engine, binding {@code $states} as Step Functions does. Scheduler substitutes
 * {@code <aws.scheduler.scheduled-time>} with a UTC time such as {@code 2022-03-22T18:59:43Z}
 * (EventBridge Scheduler user guide, "Adding context attributes"); the Context object's
 * {@code State.EnteredTime} and {@code Execution.StartTime} are ISO 8601 ("Accessing execution
 * data from the Context object in Step Functions").
 */
class StartingDeadlineCheckTest {

    enum Decision { RUN, SKIP, FAIL }

    /** weekly-export: startingDeadlineSeconds 30, no flexible window: 30 s allowed. */
    private static final Supplier<JobBuilder> THIRTY_SECONDS = JobBuilder::weeklyExport;
    /** nightly-report: startingDeadlineSeconds 600 plus jitterMinutes 10: 1200 s allowed. */
    private static final Supplier<JobBuilder> TWENTY_MINUTES = JobBuilder::nightlyReport;
    private static final String SCHEDULED = "2026-11-23T08:00:00Z";
    private static final Object ABSENT = new Object();

    static Stream<Arguments> cases() {
        return Stream.of(
                row("well within the deadline", THIRTY_SECONDS, SCHEDULED, "2026-11-23T08:00:05.123Z", Decision.RUN),
                row("exactly at the deadline", THIRTY_SECONDS, SCHEDULED, "2026-11-23T08:00:30.000Z", Decision.RUN),
                row("one millisecond past the deadline", THIRTY_SECONDS, SCHEDULED, "2026-11-23T08:00:30.001Z", Decision.SKIP),
                row("an hour past the deadline", THIRTY_SECONDS, SCHEDULED, "2026-11-23T09:00:00.000Z", Decision.SKIP),
                row("a day late", THIRTY_SECONDS, SCHEDULED, "2026-11-24T08:00:00.000Z", Decision.SKIP),
                row("entered before the scheduled time", THIRTY_SECONDS, SCHEDULED, "2026-11-23T07:59:59.000Z", Decision.RUN),
                row("flexible window counted: 1199 s late", TWENTY_MINUTES, SCHEDULED, "2026-11-23T08:19:59.000Z", Decision.RUN),
                row("flexible window counted: at 1200 s", TWENTY_MINUTES, SCHEDULED, "2026-11-23T08:20:00.000Z", Decision.RUN),
                row("flexible window counted: 1201 s late", TWENTY_MINUTES, SCHEDULED, "2026-11-23T08:20:01.000Z", Decision.SKIP),
                row("manual run: no scheduledTime", THIRTY_SECONDS, ABSENT, "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("manual run: scheduledTime null", THIRTY_SECONDS, null, "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("placeholder not substituted", THIRTY_SECONDS, "<aws.scheduler.scheduled-time>", "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("unparsable time", THIRTY_SECONDS, "yesterday", "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("out-of-range month", THIRTY_SECONDS, "2026-13-01T00:00:00Z", "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("date without time", THIRTY_SECONDS, "2026-11-23", "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("time without offset", THIRTY_SECONDS, "2026-11-23T08:00:00", "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("a number, not a string", THIRTY_SECONDS, 1795420800, "2026-11-24T08:00:00.000Z", Decision.RUN),
                row("offset +01:00 within", THIRTY_SECONDS, "2026-11-23T09:00:00+01:00", "2026-11-23T08:00:20.000Z", Decision.RUN),
                row("offset +01:00 past", THIRTY_SECONDS, "2026-11-23T09:00:00+01:00", "2026-11-23T08:00:31.000Z", Decision.SKIP),
                row("offset -05:00 within", THIRTY_SECONDS, "2026-11-23T03:00:00-05:00", "2026-11-23T08:00:29.999Z", Decision.RUN),
                row("offset -05:00 past", THIRTY_SECONDS, "2026-11-23T03:00:00-05:00", "2026-11-23T08:00:30.001Z", Decision.SKIP),
                row("fractional seconds in scheduledTime", THIRTY_SECONDS, "2026-11-23T08:00:00.500Z", "2026-11-23T08:00:30.501Z", Decision.SKIP),
                row("UTC day boundary", THIRTY_SECONDS, "2026-12-31T23:59:50Z", "2027-01-01T00:00:19.000Z", Decision.RUN));
    }

    private static Arguments row(String name, Supplier<JobBuilder> job, Object scheduledTime, String enteredTime,
            Decision expected) {
        return Arguments.of(name, job, scheduledTime, enteredTime, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Supplier<JobBuilder> job, Object scheduledTime, String enteredTime, Decision expected) {
        JsonNode check = renderedDeadlineCheck(job.get());
        ObjectNode input = CanonicalJson.object();
        input.set("input", CanonicalJson.parse("{\"day\":\"x\"}"));
        input.put("executionId", "d32c5kddcf5bb8c3");
        if (scheduledTime != ABSENT) {
            input.set("scheduledTime", new ObjectMapper().valueToTree(scheduledTime));
        }

        Outcome outcome = JsonataChoiceState.run(check, input, context(enteredTime));

        switch (expected) {
            case RUN -> {
                assertThat(outcome).isInstanceOf(Transition.class);
                Transition t = (Transition) outcome;
                assertThat(t.next()).isEqualTo(check.path("Default").asText()).isNotEqualTo(StateMachineRenderer.MISSED_DEADLINE);
                // The JSONPath states after it read $.input: the state passes its input on unchanged.
                assertThat(t.output()).isEqualTo(input);
            }
            case SKIP -> assertThat(outcome).isInstanceOf(Transition.class)
                    .extracting(o -> ((Transition) o).next()).isEqualTo(StateMachineRenderer.MISSED_DEADLINE);
            case FAIL -> assertThat(outcome).isInstanceOf(QueryEvaluationError.class);
        }
    }

    /** A late run must end before the concurrency gate: Replace would otherwise stop the running execution first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gatedJobs")
    void checkedBeforeTheConcurrencyGate(String name, Supplier<JobBuilder> job) {
        JsonNode states = CanonicalJson.parse(renderedMachine(job.get()).definition()).path("States");
        assertThat(states.path("CheckInput").path("Choices").path(0).path("Next").asText()).isEqualTo("CheckStartingDeadline");
        assertThat(states.path("UseManifestInput").path("Next").asText()).isEqualTo("CheckStartingDeadline");
        assertThat(states.path("CheckStartingDeadline").path("Default").asText()).isEqualTo("ListRunningExecutions");
    }

    static Stream<Arguments> gatedJobs() {
        return Stream.of(Arguments.of("Replace", THIRTY_SECONDS), Arguments.of("Forbid", TWENTY_MINUTES));
    }

    private static StateMachineSpec renderedMachine(JobBuilder job) {
        RenderResult result = Renderer.render(List.of(job.build()), JobBuilder.config());
        assertThat(result.violations()).isEmpty();
        return result.desired().ofType(StateMachineSpec.class).stream()
                .filter(m -> m.job().equals(Optional.of(job.name))).findFirst().orElseThrow();
    }

    /** The one state of the job's rendered definition whose QueryLanguage is JSONata. */
    static JsonNode renderedDeadlineCheck(JobBuilder job) {
        JsonNode definition = CanonicalJson.parse(renderedMachine(job).definition());
        assertThat(definition.path("QueryLanguage").asText()).isEqualTo("JSONPath");
        List<Map.Entry<String, JsonNode>> jsonata = definition.path("States").properties().stream()
                .filter(e -> e.getValue().path("QueryLanguage").asText().equals("JSONata")).toList();
        assertThat(jsonata).extracting(Map.Entry::getKey).containsExactly("CheckStartingDeadline");
        return jsonata.get(0).getValue();
    }

    /** The Context object's fields as the developer guide lists them, for a state entered at {@code enteredTime}. */
    private static JsonNode context(String enteredTime) {
        ObjectNode context = CanonicalJson.object();
        context.putObject("Execution")
                .put("Id", "arn:aws:states:us-east-1:123456789012:execution:jobform-job:d32c5kddcf5bb8c3")
                .put("Name", "d32c5kddcf5bb8c3")
                .put("RoleArn", "arn:aws:iam::123456789012:role/jobform-states")
                .put("StartTime", enteredTime)
                .put("RedriveCount", 0)
                .putObject("Input");
        context.putObject("State").put("EnteredTime", enteredTime).put("Name", "CheckStartingDeadline").put("RetryCount", 0);
        context.putObject("StateMachine")
                .put("Id", "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-job")
                .put("Name", "jobform-job");
        return context;
    }
}
