package io.jobform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.conformance.EmulatorInterpreter;
import io.jobform.conformance.IndependentInterpreter;
import io.jobform.conformance.RunOutcome;
import io.jobform.conformance.Scenario;
import io.jobform.conformance.TaskScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The concurrency gates on ListExecutions pages scripted as AWS may return them ("maxResults is
 * only an upper limit": pages can be short, even empty, and still carry a NextToken), in the
 * emulator (through the real SDK client) and in aws-local-stepfunctions, which mocks every
 * aws-sdk:sfn result: Forbid finds the only other running execution on a later page and skips,
 * and runs when no page holds another; Replace stops the others of every page, whether this
 * execution is on the first page or a later one, and goes on when an execution ended or vanished
 * between the listing and its StopExecution (the answers {@link ConcurrencyGateIT} shows the
 * emulator gives: success, or Sfn.ExecutionDoesNotExistException).
 */
class GatePagesIT {

    static final String FORBID = "gate-forbid";
    static final String REPLACE = "gate-replace";

    /** @param listMoreTokens the NextToken of each ListMoreRunningExecutions call, in order */
    record Case(Scenario scenario, boolean runs, List<String> listMoreTokens, List<String> stopped) {}

    @Test
    void gatesFollowEveryPageInBothInterpreters() {
        JsonNode forbid = RenderedJob.definition("  concurrencyPolicy: Forbid\n");
        JsonNode replace = RenderedJob.definition("  concurrencyPolicy: Replace\n");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(scenario(FORBID, forbid, "later-page", base()
                .with("ListRunningExecutions", page(Optional.of("p2"), self(FORBID, "later-page")))
                .with("ListMoreRunningExecutions", page(Optional.empty(), other(FORBID, "a")))), false, List.of("p2"), List.of()));
        cases.add(new Case(scenario(FORBID, forbid, "idle-pages", base()
                .with("ListRunningExecutions", page(Optional.of("p2")))
                .with("ListMoreRunningExecutions", page(Optional.of("p3"), self(FORBID, "idle-pages")), page(Optional.empty()))),
                true, List.of("p2", "p3"), List.of()));
        cases.add(new Case(scenario(REPLACE, replace, "two-pages", base()
                .with("ListRunningExecutions", page(Optional.of("p2"), self(REPLACE, "two-pages"), other(REPLACE, "a"), other(REPLACE, "b")))
                .with("ListMoreRunningExecutions", page(Optional.empty(), other(REPLACE, "c"), other(REPLACE, "d")))),
                true, List.of("p2"), arns(REPLACE, "a", "b", "c", "d")));
        cases.add(new Case(scenario(REPLACE, replace, "self-later", base()
                .with("ListRunningExecutions", page(Optional.of("p2"), other(REPLACE, "a")))
                .with("ListMoreRunningExecutions", page(Optional.empty(), self(REPLACE, "self-later"), other(REPLACE, "b")))),
                true, List.of("p2"), arns(REPLACE, "a", "b")));
        cases.add(new Case(scenario(REPLACE, replace, "ended-meanwhile", base()
                .with("ListRunningExecutions", page(Optional.empty(), self(REPLACE, "ended-meanwhile"), other(REPLACE, "a"),
                        other(REPLACE, "b"), other(REPLACE, "c")))
                .with("StopExecution", stopped(), TaskScript.error("Sfn.ExecutionDoesNotExistException",
                        "Execution Does Not Exist: 'arn' (Service: Sfn, Status Code: 400)"), stopped())),
                true, List.of(), arns(REPLACE, "a", "b", "c")));

        SoftAssertions soft = new SoftAssertions();
        try (EmulatorInterpreter emulator = new EmulatorInterpreter()) {
            for (Case c : cases) {
                check(soft, "emulator", c, emulator.run(c.scenario()));
            }
        }
        var found = IndependentInterpreter.locate();
        if (found.interpreter().isEmpty()) {
            soft.assertAll();
        }
        Assumptions.assumeTrue(found.interpreter().isPresent(), () -> "emulator checked; " + found.whyNot());
        List<RunOutcome> independent = found.interpreter().get().run(cases.stream().map(Case::scenario).toList());
        for (int i = 0; i < cases.size(); i++) {
            check(soft, RunBehaviourIT.INDEPENDENT, cases.get(i), independent.get(i));
        }
        soft.assertAll();
    }

    static void check(SoftAssertions soft, String interpreter, Case c, RunOutcome r) {
        Scenario s = c.scenario();
        String as = interpreter + ": " + s.id();
        soft.assertThat(r.status()).as(as + ": status").isEqualTo("SUCCEEDED");
        soft.assertThat(r.visited().contains("Run")).as(as + ": runs").isEqualTo(c.runs());
        soft.assertThat(r.visited().contains("Skipped")).as(as + ": skipped").isEqualTo(!c.runs());
        soft.assertThat(r.calls("RunTask")).as(as + ": RunTask calls").hasSize(c.runs() ? 1 : 0);
        soft.assertThat(r.calls("ListMoreRunningExecutions")).as(as + ": later pages asked for").allSatisfy(p -> {
            assertThat(p.path("StateMachineArn").asText()).isEqualTo(s.machineArn());
            assertThat(p.path("StatusFilter").asText()).isEqualTo("RUNNING");
        }).extracting(p -> p.path("NextToken").asText()).isEqualTo(c.listMoreTokens());
        soft.assertThat(r.calls("StopExecution")).as(as + ": stopped").allSatisfy(p -> {
            assertThat(p.path("Error").asText()).isEqualTo("jobform.Replaced");
            assertThat(p.path("Cause").asText()).isEqualTo("concurrencyPolicy Replace: replaced by " + s.executionArn());
        }).extracting(p -> p.path("ExecutionArn").asText()).containsExactlyInAnyOrderElementsOf(c.stopped());
    }

    private static Scenario scenario(String machine, JsonNode definition, String execution, TaskScript script) {
        return new Scenario(machine + "/" + execution, machine, execution, definition, io.jobform.runs.TaskScript.JSON.createObjectNode(), script);
    }

    /** The run succeeds; every other Task state is scripted by the case. */
    private static TaskScript base() {
        return TaskScript.empty().with("RunTask", TaskScript.output(
                io.jobform.runs.TaskScript.task(Optional.of(0), "EssentialContainerExited", io.jobform.runs.TaskScript.EXITED)))
                .with("StopExecution", stopped());
    }

    private static JsonNode stopped() {
        return TaskScript.output(io.jobform.runs.TaskScript.JSON.createObjectNode().put("StopDate", 1.77e12));
    }

    private static JsonNode page(Optional<String> nextToken, String... executionArns) {
        ObjectNode page = io.jobform.runs.TaskScript.JSON.createObjectNode();
        for (String arn : executionArns) {
            page.withArray("Executions").addObject().put("ExecutionArn", arn).put("Name", arn.replaceFirst(".*:", ""))
                    .put("Status", "RUNNING");
        }
        if (executionArns.length == 0) {
            page.putArray("Executions");
        }
        nextToken.ifPresent(t -> page.put("NextToken", t));
        return TaskScript.output(page);
    }

    private static String self(String machine, String execution) {
        return "arn:aws:states:us-east-1:123456789012:execution:" + machine + ":" + execution;
    }

    private static String other(String machine, String name) {
        return self(machine, "other-" + name);
    }

    private static List<String> arns(String machine, String... names) {
        return java.util.Arrays.stream(names).map(n -> other(machine, n)).toList();
    }
}
