package io.jobform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every combination of capacity × concurrency policy × retries (none, a limit, a limit with
 * exitCodes, a limit with exceptExitCodes) × notification, against every failure class of
 * {@link Scenario}: the rendered machine runs in the emulator's interpreter and in
 * aws-local-stepfunctions with the same scripted task answers, and both must do what
 * {@link RunOracle} states: final status, Error and Cause, RunTask calls per capacity, the path
 * through the top-level states and the failure notification. The two interpreters must also
 * visit the same states inside the Run branch, in the same order.
 */
class RunBehaviourIT {

    static final int TIMEOUT = 3600;
    static final String INDEPENDENT = "aws-local-stepfunctions";
    static final Map<String, RunOracle.Retries> RETRIES = new LinkedHashMap<>();

    static {
        RETRIES.put("", new RunOracle.Retries(0, List.of(), List.of()));
        RETRIES.put("  retries: {limit: 2, intervalSeconds: 30}\n", new RunOracle.Retries(2, List.of(), List.of()));
        RETRIES.put("  retries: {limit: 2, intervalSeconds: 30, exitCodes: [3]}\n", new RunOracle.Retries(2, List.of(3), List.of()));
        RETRIES.put("  retries: {limit: 2, intervalSeconds: 30, exceptExitCodes: [3]}\n",
                new RunOracle.Retries(2, List.of(), List.of(3)));
    }

    /** @param deadline whether the job has a startingDeadlineSeconds */
    record Case(String label, RunOracle.Capacity capacity, String policy, boolean notifies, boolean deadline,
            RunOracle.Expected expected, ScriptedRun run) {}

    @Test
    void everyCombinationRunsAsSpecifiedInBothInterpreters() {
        List<Case> cases = new ArrayList<>();
        for (RunOracle.Capacity capacity : RunOracle.Capacity.values()) {
            for (String policy : List.of("Allow", "Forbid", "Replace")) {
                for (Map.Entry<String, RunOracle.Retries> retries : RETRIES.entrySet()) {
                    for (boolean notify : List.of(false, true)) {
                        String spec = "  capacity: " + capacity.name().toLowerCase().replace('_', '-') + "\n"
                                + "  concurrencyPolicy: " + policy + "\n" + retries.getKey()
                                + (notify ? "  notifications: {onFailure: \"arn:aws:sns:us-east-1:123456789012:ops\"}\n" : "");
                        JsonNode definition = RenderedJob.definition(spec);
                        for (Scenario scenario : Scenario.values()) {
                            String label = capacity + "/" + policy + "/" + retries.getValue() + "/notify=" + notify + "/" + scenario;
                            cases.add(new Case(label, capacity, policy, notify, false,
                                    RunOracle.expect(capacity, retries.getValue(), scenario, TIMEOUT),
                                    new ScriptedRun(label, definition, TaskScript.JSON.createObjectNode(), script(capacity, scenario))));
                        }
                    }
                }
            }
        }
        assertThat(cases).hasSize(3 * 3 * 4 * 2 * Scenario.values().length);
        runInBoth(cases);
    }

    /** Runs every case in the emulator's interpreter and in aws-local-stepfunctions and checks both. */
    static void runInBoth(List<Case> cases) {
        List<RunResult> emulator = cases.stream().map(c -> EmulatorInterpreter.run(c.run())).toList();
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < cases.size(); i++) {
            check(soft, "emulator", cases.get(i), emulator.get(i));
        }
        var found = IndependentInterpreter.locate();
        if (found.interpreter().isEmpty()) {
            soft.assertAll();
        }
        Assumptions.assumeTrue(found.interpreter().isPresent(),
                () -> "emulator checked; independent interpreter skipped: " + found.whyNot());
        List<RunResult> independent = IndependentInterpreter.runAll(found.interpreter().get(),
                cases.stream().map(Case::run).toList());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            check(soft, INDEPENDENT, c, independent.get(i));
            // aws-local-stepfunctions 3.0.0 forwards the events of a Parallel branch to the
            // execution's log asynchronously and closes the log when the execution ends, so the
            // branch's last events can be missing there: what it logged must be the start of the
            // emulator's path (the full path is pinned by the RunTask calls and the outcome).
            Set<String> branch = branchStates(c.run().definition());
            List<String> logged = only(independent.get(i).visited(), branch);
            List<String> full = only(emulator.get(i).visited(), branch);
            soft.assertThat(logged).as(c.label() + ": states of the Run branch, both interpreters")
                    .isEqualTo(full.subList(0, Math.min(logged.size(), full.size())));
            soft.assertThat(logged.isEmpty()).as(c.label() + ": the Run branch is entered").isEqualTo(c.expected().missedDeadline());
        }
        soft.assertAll();
    }

    static Map<String, List<TaskScript>> script(RunOracle.Capacity capacity, Scenario scenario) {
        Map<String, List<TaskScript>> script = new LinkedHashMap<>();
        switch (capacity) {
            case ON_DEMAND -> script.put("RunTask", scenario.onDemand);
            case SPOT -> script.put("RunTask", scenario.onSpot);
            case SPOT_WITH_FALLBACK -> {
                script.put("RunTaskOnSpot", scenario.onSpot);
                script.put("RunTaskOnDemand", scenario.onDemand);
            }
        }
        // An idle gate: this execution is the only one running.
        JsonNode self = TaskScript.JSON.createObjectNode().set("Executions", TaskScript.JSON.createArrayNode()
                .add(TaskScript.JSON.createObjectNode().put("ExecutionArn", ScriptedRun.EXECUTION).put("Status", "RUNNING")));
        script.put("ListRunningExecutions", List.of(TaskScript.result(self)));
        script.put("NotifyFailure", List.of(TaskScript.result(TaskScript.JSON.createObjectNode().put("MessageId", "m-1"))));
        return script;
    }

    static void check(SoftAssertions soft, String interpreter, Case c, RunResult r) {
        String as = interpreter + ": " + c.label();
        RunOracle.Expected e = c.expected();
        soft.assertThat(r.status()).as(as + ": status").isEqualTo(e.succeeded() ? "SUCCEEDED" : "FAILED");
        if (!e.succeeded()) {
            soft.assertThat(r.error()).as(as + ": Error").contains(e.error());
            soft.assertThat(r.cause()).as(as + ": Cause").contains(e.cause() + " (attempts: " + e.attempts() + ")");
        }
        String spotState = c.capacity() == RunOracle.Capacity.SPOT_WITH_FALLBACK ? "RunTaskOnSpot" : "RunTask";
        String onDemandState = c.capacity() == RunOracle.Capacity.SPOT_WITH_FALLBACK ? "RunTaskOnDemand" : "RunTask";
        if (c.capacity() != RunOracle.Capacity.ON_DEMAND) {
            soft.assertThat(r.calls(spotState)).as(as + ": RunTask calls on Fargate Spot").isEqualTo(e.spotCalls());
            r.calls().getOrDefault(spotState, List.of()).forEach(p -> soft.assertThat(p.at("/CapacityProviderStrategy/0/CapacityProvider")
                    .asText()).as(as + ": Spot state's capacity provider").isEqualTo("FARGATE_SPOT"));
        }
        if (c.capacity() != RunOracle.Capacity.SPOT) {
            soft.assertThat(r.calls(onDemandState)).as(as + ": RunTask calls on Fargate").isEqualTo(e.onDemandCalls());
            r.calls().getOrDefault(onDemandState, List.of()).forEach(p -> soft.assertThat(p.path("LaunchType").asText())
                    .as(as + ": on-demand launch type").isEqualTo("FARGATE"));
        }
        soft.assertThat(only(r.visited(), topLevel(c.run().definition()))).as(as + ": top-level path").isEqualTo(path(c));
        boolean notified = c.notifies() && !e.succeeded();
        soft.assertThat(r.calls("NotifyFailure")).as(as + ": notifications").isEqualTo(notified ? 1 : 0);
        // aws-local-stepfunctions 3.0.0 removes every backslash from an intrinsic function's string
        // result (BaseIntrinsicFunction.call), so States.JsonToString of a value holding a quote
        // is not JSON there; AWS returns the escaped JSON text ("Intrinsic functions",
        // States.JsonToString). The message body is checked where the tool gets it right.
        boolean toolMangles = interpreter.equals(INDEPENDENT) && e.cause().contains("\"");
        if (notified && r.calls("NotifyFailure") == 1 && !toolMangles) {
            JsonNode publish = r.calls().get("NotifyFailure").get(0);
            soft.assertThat(publish.path("TopicArn").asText()).as(as + ": topic").isEqualTo("arn:aws:sns:us-east-1:123456789012:ops");
            JsonNode message = parse(publish.path("Message").asText());
            soft.assertThat(message.path("version").asText()).as(as + ": message version").isEqualTo("1");
            soft.assertThat(message.path("job").asText()).as(as + ": message job").isEqualTo("job");
            soft.assertThat(message.path("executionArn").asText()).as(as + ": message execution").isEqualTo(ScriptedRun.EXECUTION);
            soft.assertThat(message.path("consoleUrl").asText()).as(as + ": console URL").isEqualTo(
                    "https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/" + ScriptedRun.EXECUTION);
            soft.assertThat(message.path("class").asText()).as(as + ": message class").isEqualTo(e.error());
            soft.assertThat(message.path("cause").asText()).as(as + ": message cause").isEqualTo(e.cause());
            soft.assertThat(message.path("attempts").asInt()).as(as + ": message attempts").isEqualTo(e.attempts());
            soft.assertThat(message.path("exitCode").isNull() ? null : message.path("exitCode").asInt())
                    .as(as + ": message exit code").isEqualTo(e.exitCode().orElse(null));
        }
    }

    static List<String> path(Case c) {
        List<String> path = new ArrayList<>(List.of("CheckInput"));
        if (!c.run().input().has("input")) {
            path.add("UseManifestInput");
        }
        if (c.deadline()) {
            path.add("CheckStartingDeadline");
        }
        if (c.expected().missedDeadline()) {
            path.add("MissedStartingDeadline");
            return path;
        }
        switch (c.policy()) {
            case "Forbid" -> path.addAll(List.of("ListRunningExecutions", "CheckConcurrency"));
            case "Replace" -> path.addAll(List.of("ListRunningExecutions", "StopOtherExecutions", "CheckMoreExecutions"));
            default -> { }
        }
        path.addAll(List.of("Run", "CheckRun"));
        if (c.expected().succeeded()) {
            path.add("RunSucceeded");
        } else {
            path.add("ReadOutcome");
            if (c.notifies()) {
                path.addAll(List.of("BuildNotification", "NotifyFailure"));
            }
            path.add("Failed");
        }
        return path;
    }

    static JsonNode parse(String text) {
        try {
            return TaskScript.JSON.readTree(text);
        } catch (Exception e) {
            return TaskScript.JSON.createObjectNode().put("unparsable", text);
        }
    }

    static Set<String> topLevel(JsonNode definition) {
        Set<String> names = new HashSet<>();
        definition.path("States").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> branchStates(JsonNode definition) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = definition.at("/States/Run/Branches/0/States").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static List<String> only(List<String> visited, Set<String> names) {
        return visited.stream().filter(names::contains).toList();
    }
}
