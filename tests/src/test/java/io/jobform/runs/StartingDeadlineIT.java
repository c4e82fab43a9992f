package io.jobform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The starting deadline for every capacity × concurrency policy, with and without a flexible
 * window: a scheduled time on time, exactly at the limit, one second past it, and no scheduled
 * time (a manual run), each with a run that succeeds and one that fails. Both interpreters run
 * the rendered machine from the same start ({@link ScriptedRun#START}); {@link RunOracle} says
 * whether the run is skipped and, if not, how it ends.
 */
class StartingDeadlineIT {

    static final int DEADLINE = 300;

    @Test
    void lateRunsAreSkippedAndTimelyOnesRunInBothInterpreters() {
        List<RunBehaviourIT.Case> cases = new ArrayList<>();
        RunOracle.Retries none = new RunOracle.Retries(0, List.of(), List.of());
        for (RunOracle.Capacity capacity : RunOracle.Capacity.values()) {
            for (String policy : List.of("Allow", "Forbid", "Replace")) {
                for (int jitterMinutes : List.of(0, 5)) {
                    String spec = "  capacity: " + capacity.name().toLowerCase().replace('_', '-') + "\n"
                            + "  concurrencyPolicy: " + policy + "\n  startingDeadlineSeconds: " + DEADLINE + "\n"
                            + (jitterMinutes > 0 ? "  schedule: {cron: \"0 2 * * *\", jitterMinutes: " + jitterMinutes + "}\n" : "");
                    JsonNode definition = RenderedJob.definition(spec);
                    long limit = DEADLINE + jitterMinutes * 60L;
                    for (Optional<Long> lateBy : List.of(Optional.of(0L), Optional.of(limit), Optional.of(limit + 1),
                            Optional.<Long>empty())) {
                        for (Scenario scenario : List.of(Scenario.SUCCESS, Scenario.EXIT_3)) {
                            String label = capacity + "/" + policy + "/jitter=" + jitterMinutes + "/late="
                                    + lateBy.map(String::valueOf).orElse("manual") + "/" + scenario;
                            RunOracle.Expected expected = RunOracle.missesDeadline(DEADLINE, jitterMinutes, lateBy)
                                    ? RunOracle.Expected.MISSED_DEADLINE
                                    : RunOracle.expect(capacity, none, scenario, RunBehaviourIT.TIMEOUT);
                            cases.add(new RunBehaviourIT.Case(label, capacity, policy, false, true, expected,
                                    new ScriptedRun(label, definition, input(lateBy), RunBehaviourIT.script(capacity, scenario))));
                        }
                    }
                }
            }
        }
        assertThat(cases).hasSize(3 * 3 * 2 * 4 * 2);
        assertThat(cases).filteredOn(c -> c.expected().missedDeadline()).hasSize(3 * 3 * 2 * 2);
        RunBehaviourIT.runInBoth(cases);
    }

    /** What Scheduler sends: the scheduled time in UTC, without fractions ("Adding context attributes"). */
    static JsonNode input(Optional<Long> lateBySeconds) {
        ObjectNode input = TaskScript.JSON.createObjectNode();
        lateBySeconds.ifPresent(late -> input.put("scheduledTime", ScriptedRun.START.minusSeconds(late).toString()));
        return input;
    }
}
