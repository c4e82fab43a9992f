package io.jobform.render.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural checks of an Amazon States Language definition (JSONPath, with single JSONata
 * states allowed): every transition target exists, every state is reachable and can reach a
 * terminal state, {@code States.ALL} stands alone in the last retrier/catcher, error names come
 * from an allow-list of AWS-documented names, and path fields are syntactically valid.
 * Returns findings as {@code <scope>.<state>: <problem>}; an empty list means the definition passed.
 */
public final class AslChecker {

    /**
     * Error names documented by AWS for what jobform renders: the predefined {@code States.*}
     * names ("Handling errors in Step Functions workflows"), the ECS .sync integration's names
     * ("Run Amazon ECS or Fargate tasks with Step Functions"), the RunTask errors of the ECS API
     * reference as the optimized integration names them ({@code ECS.<error>}), and the StopExecution API error
     * spelled by the SDK-integration rule ServiceName.ErrorName with the Exception suffix
     * ("Learning to use AWS service SDK integrations").
     */
    public static final Set<String> KNOWN_ERRORS = Set.of(
            "States.ALL", "States.TaskFailed", "States.Timeout", "States.HeartbeatTimeout",
            "States.Permissions", "States.Runtime", "States.DataLimitExceeded",
            "States.IntrinsicFailure", "States.ResultPathMatchFailure", "States.ParameterPathFailure",
            "States.BranchFailed", "States.NoChoiceMatched", "States.QueryEvaluationError",
            "ECS.AmazonECSException", "AmazonECS.Unknown", "ECS.ServerException", "ECS.AccessDeniedException",
            "ECS.InvalidParameterException", "ECS.ClientException", "ECS.ClusterNotFoundException",
            "ECS.PlatformUnknownException", "ECS.PlatformTaskDefinitionIncompatibilityException",
            "ECS.UnsupportedFeatureException", "ECS.BlockedException",
            "Sfn.ExecutionDoesNotExistException");

    private static final Set<String> STATE_TYPES =
            Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
    /** A reference path or a context-object path: {@code $}, {@code $.a.b[0]}, {@code $$.Execution.Id}. */
    private static final Pattern PATH = Pattern.compile("^\\$\\$?(\\.[A-Za-z_][A-Za-z0-9_-]*|\\[\\d+\\])*$");
    private static final Pattern INTRINSIC = Pattern.compile("^States\\.[A-Za-z]+\\(.*\\)$");
    private static final Pattern JSONATA = Pattern.compile("^\\{%.*%\\}$", Pattern.DOTALL);
    private static final Set<String> PATH_FIELDS =
            Set.of("InputPath", "OutputPath", "ResultPath", "ItemsPath", "Variable", "ErrorPath", "CausePath");

    private AslChecker() {}

    public static List<String> check(JsonNode definition) {
        List<String> findings = new ArrayList<>();
        checkScope("", definition, findings);
        return findings;
    }

    private static void checkScope(String scope, JsonNode machine, List<String> findings) {
        JsonNode states = machine.path("States");
        String startAt = machine.path("StartAt").asText("");
        if (!states.isObject() || states.isEmpty()) {
            findings.add(scope + ": no States");
            return;
        }
        if (!states.has(startAt)) {
            findings.add(scope + ": StartAt '" + startAt + "' is not a state");
        }
        Map<String, List<String>> edges = new HashMap<>();
        Set<String> terminal = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = scope + "." + e.getKey();
            JsonNode state = e.getValue();
            List<String> next = transitions(state);
            edges.put(e.getKey(), next);
            next.stream().filter(n -> !states.has(n))
                    .forEach(n -> findings.add(where + ": transition to missing state '" + n + "'"));
            String type = state.path("Type").asText("");
            if (!STATE_TYPES.contains(type)) {
                findings.add(where + ": unknown Type '" + type + "'");
            }
            boolean ends = type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
            if (ends) {
                terminal.add(e.getKey());
            }
            if (!ends && !type.equals("Choice") && !state.has("Next")) {
                findings.add(where + ": neither Next nor End");
            }
            if (state.has("Next") && state.path("End").asBoolean(false)) {
                findings.add(where + ": both Next and End");
            }
            if (type.equals("Choice") && !state.path("Choices").isArray()) {
                findings.add(where + ": Choice without Choices");
            }
            checkErrors(where, "Retry", state.path("Retry"), findings);
            checkErrors(where, "Catch", state.path("Catch"), findings);
            boolean jsonata = "JSONata".equals(state.path("QueryLanguage").asText(machine.path("QueryLanguage").asText("")));
            checkFields(where, state, jsonata, findings);
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (processor != null) {
                checkScope(where, processor, findings);
            }
            state.path("Branches").forEach(b -> checkScope(where + ".branch", b, findings));
        }
        reachability(scope, startAt, edges, terminal, findings);
    }

    private static List<String> transitions(JsonNode state) {
        List<String> out = new ArrayList<>();
        if (state.has("Next")) {
            out.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            out.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(c -> out.add(c.path("Next").asText()));
        state.path("Catch").forEach(c -> out.add(c.path("Next").asText()));
        return out;
    }

    private static void checkErrors(String where, String field, JsonNode list, List<String> findings) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode errors = list.get(i).path("ErrorEquals");
            if (!errors.isArray() || errors.isEmpty()) {
                findings.add(where + "." + field + "[" + i + "]: ErrorEquals missing or empty");
                continue;
            }
            for (JsonNode error : errors) {
                String name = error.asText();
                if (!KNOWN_ERRORS.contains(name)) {
                    findings.add(where + "." + field + "[" + i + "]: error name '" + name + "' is not AWS-documented");
                }
                if (name.equals("States.ALL") && (errors.size() != 1 || i != list.size() - 1)) {
                    findings.add(where + "." + field + "[" + i + "]: States.ALL must be alone and last");
                }
            }
        }
    }

    /** Path fields must be paths; {@code key.$} values must be paths or intrinsic functions. */
    private static void checkFields(String where, JsonNode node, boolean jsonata, List<String> findings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (jsonata && key.equals("Condition")) {
                if (!JSONATA.matcher(value.asText()).matches()) {
                    findings.add(where + ": JSONata Condition must be {% ... %}");
                }
            } else if (PATH_FIELDS.contains(key) && !value.isNull()) {
                if (!PATH.matcher(value.asText()).matches()) {
                    findings.add(where + ": " + key + " is not a valid path: " + value.asText());
                }
            } else if (key.endsWith("Path") && value.isTextual() && !PATH.matcher(value.asText()).matches()) {
                findings.add(where + ": " + key + " is not a valid path: " + value.asText());
            } else if (key.endsWith(".$")) {
                String v = value.asText();
                if (!PATH.matcher(v).matches() && !INTRINSIC.matcher(v).matches()) {
                    findings.add(where + ": " + key + " is neither a path nor an intrinsic function: " + v);
                }
            }
            // A Pass state's Result is literal data: ".$" keys in it are not evaluated.
            if (!key.equals("States") && !key.equals("ItemProcessor") && !key.equals("Iterator")
                    && !key.equals("Branches") && !key.equals("Result") && (value.isObject() || value.isArray())) {
                if (value.isArray()) {
                    value.forEach(item -> checkFields(where, item, jsonata, findings));
                } else {
                    checkFields(where, value, jsonata, findings);
                }
            }
        }
    }

    private static void reachability(String scope, String startAt, Map<String, List<String>> edges,
            Set<String> terminal, List<String> findings) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (edges.containsKey(s) && reached.add(s)) {
                todo.addAll(edges.get(s));
            }
        }
        edges.keySet().stream().filter(s -> !reached.contains(s)).sorted()
                .forEach(s -> findings.add(scope + "." + s + ": unreachable from StartAt"));
        // Every state must be able to reach a terminal state (no trap cycles).
        Set<String> canEnd = new HashSet<>(terminal);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> e : edges.entrySet()) {
                if (!canEnd.contains(e.getKey()) && e.getValue().stream().anyMatch(canEnd::contains)) {
                    canEnd.add(e.getKey());
                    grew = true;
                }
            }
        }
        edges.keySet().stream().filter(s -> !canEnd.contains(s)).sorted()
                .forEach(s -> findings.add(scope + "." + s + ": no terminal state reachable"));
    }
}
