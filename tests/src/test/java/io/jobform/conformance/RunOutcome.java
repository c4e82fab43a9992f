package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an execution ended in one interpreter, the states it entered in order, and per Task state
 * the parameters of its calls in order.
 */
public record RunOutcome(String status, Optional<JsonNode> output, Optional<String> error, Optional<String> cause,
        List<String> visited, Map<String, List<JsonNode>> calls) {

    /** The parameters of {@code state}'s calls, in order. */
    public List<JsonNode> calls(String state) {
        return calls.getOrDefault(state, List.of());
    }

    /**
     * The differences that matter: status, output, error, cause, and the path. The states of the
     * machine's top level must be entered in the same order; states inside Map iterations and
     * Parallel branches (whose interleaving is scheduling) must be entered equally often.
     */
    public List<String> differencesFrom(RunOutcome other, Set<String> topLevelStates) {
        List<String> out = new ArrayList<>();
        if (!status.equals(other.status)) {
            out.add("status " + status + " vs " + other.status);
        }
        if (!Objects.equals(output, other.output)) {
            out.add("output " + output.map(JsonNode::toString).orElse("-") + " vs "
                    + other.output.map(JsonNode::toString).orElse("-"));
        }
        if (!Objects.equals(error, other.error)) {
            out.add("error " + error.orElse("-") + " vs " + other.error.orElse("-"));
        }
        if (!Objects.equals(cause, other.cause)) {
            out.add("cause " + cause.orElse("-") + " vs " + other.cause.orElse("-"));
        }
        List<String> top = visited.stream().filter(topLevelStates::contains).toList();
        List<String> otherTop = other.visited.stream().filter(topLevelStates::contains).toList();
        if (!top.equals(otherTop)) {
            out.add("path " + top + " vs " + otherTop);
        }
        List<String> nested = visited.stream().filter(s -> !topLevelStates.contains(s)).sorted().toList();
        List<String> otherNested = other.visited.stream().filter(s -> !topLevelStates.contains(s)).sorted().toList();
        // aws-local-stepfunctions 3.0.0 (the other side) forwards a Parallel branch's events to the
        // execution's log asynchronously and closes the log when the execution ends, so the
        // branch's last entered states can be missing there (Step Functions records every
        // StateEntered event of a branch: developer guide, "Parallel workflow state"). What it
        // logged must therefore be contained in this side's states; status, output, error, cause
        // and the top-level path above stay exact, and RunBehaviourIT pins the branch path.
        if (!containsAll(nested, otherNested)) {
            out.add("nested states " + nested + " vs " + otherNested);
        }
        return out;
    }

    /** Whether {@code all} holds every element of {@code some} at least as often (both sorted). */
    private static boolean containsAll(List<String> all, List<String> some) {
        List<String> rest = new ArrayList<>(all);
        for (String s : some) {
            if (!rest.remove(s)) {
                return false;
            }
        }
        return true;
    }
}
