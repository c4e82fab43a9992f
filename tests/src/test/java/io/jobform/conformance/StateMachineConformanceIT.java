package io.jobform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential conformance: every state machine the renderer produces (the examples and a
 * generated set covering every manifest option) runs in the emulator and in
 * aws-local-stepfunctions with the same scripted Task results (RunScenarios); the status,
 * output, error, cause and path must agree. asl-validator must accept every definition.
 * Skipped, saying why, where Node.js or npm is missing; .ci/run installs them.
 */
class StateMachineConformanceIT {
    private static IndependentInterpreter independent;

    @BeforeAll
    static void locate() {
        IndependentInterpreter.Result found = IndependentInterpreter.locate();
        Assumptions.assumeTrue(found.interpreter().isPresent(), found.whyNot());
        independent = found.interpreter().get();
    }

    private static Map<String, JsonNode> allMachines() {
        Map<String, JsonNode> all = new LinkedHashMap<>(RenderedMachines.examples());
        all.putAll(RenderedMachines.generated());
        return all;
    }

    @Test
    void aslValidatorAcceptsEveryRenderedDefinition() {
        Map<String, JsonNode> machines = allMachines();
        assertThat(machines).hasSizeGreaterThan(144);
        List<String> rejected = independent.validate(machines).stream().filter(v -> !v.valid())
                .map(v -> v.id() + ": " + v.errors()).toList();
        assertThat(rejected).isEmpty();
    }

    @Test
    void emulatorAndIndependentInterpreterAgreeOnEveryRenderedMachine() {
        Map<String, JsonNode> machines = allMachines();
        List<Scenario> scenarios = new ArrayList<>();
        // The timeout run for the examples and for every capacity and concurrency policy.
        machines.forEach((name, definition) -> scenarios.addAll(RunScenarios.forMachine(name, definition,
                !name.startsWith("jobform-g-") || name.endsWith("-r-n-i"))));
        List<RunOutcome> theirs = independent.run(scenarios);
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        try (EmulatorInterpreter ours = new EmulatorInterpreter()) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                RunOutcome mine = ours.run(s);
                statuses.merge(mine.status(), 1, Integer::sum);
                Set<String> top = new TreeSet<>();
                s.definition().path("States").fieldNames().forEachRemaining(top::add);
                List<String> diff = mine.differencesFrom(theirs.get(i), top);
                if (!diff.isEmpty()) {
                    disagreements.add(s.id() + ": " + String.join("; ", diff));
                }
            }
        }
        assertThat(disagreements).as("emulator vs aws-local-stepfunctions").isEmpty();
        // Every kind of ending is exercised, not only successes.
        assertThat(statuses).containsKeys("SUCCEEDED", "FAILED", "TIMED_OUT");
    }
}
