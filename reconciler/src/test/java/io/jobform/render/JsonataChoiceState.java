package io.jobform.render;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;

/**
 * Runs one JSONata Choice state on the dashjoin JSONata engine, emulating only what the Step
 * Functions developer guide defines for it:
 * <ul>
 *   <li>"Transforming data with JSONata in Step Functions": a field is JSONata when its string is
 *       {@code {% expression %}}; the reserved variable {@code $states} carries {@code input} (the
 *       state's input) and {@code context} (the Context object); {@code $} and {@code $$} are not
 *       usable at the top level, so the expression is evaluated without a context value.</li>
 *   <li>An error while evaluating is {@code States.QueryEvaluationError} (API reference,
 *       EvaluationFailedEventDetails: "when a JSONata expression throws an error"); catchers exist
 *       only on Task, Parallel and Map states, so it fails the execution ("Handling errors in Step
 *       Functions workflows").</li>
 *   <li>"Choice workflow state", Choice Rules (JSONata): each rule's {@code Condition} evaluates to
 *       true/false and the first true rule's {@code Next} is taken, else {@code Default}.</li>
 *   <li>"Processing input and output in Step Functions": without {@code Output} the state's input
 *       passes through as its output (what the next, JSONPath, state reads as {@code $}).</li>
 * </ul>
 * Fields it does not emulate ({@code Output}, {@code Assign}) are rejected rather than ignored.
 */
final class JsonataChoiceState {

    /** What the state does with one input: move on, or fail the execution. */
    sealed interface Outcome permits Transition, QueryEvaluationError {}

    record Transition(String next, JsonNode output) implements Outcome {}

    /** The Choice state has no Catch, so this fails the execution. */
    record QueryEvaluationError(String cause) implements Outcome {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> EMULATED = Set.of("Type", "QueryLanguage", "Choices", "Default", "Comment");

    private JsonataChoiceState() {}

    static Outcome run(JsonNode state, JsonNode input, JsonNode context) {
        state.fieldNames().forEachRemaining(field -> {
            if (!EMULATED.contains(field)) {
                throw new IllegalArgumentException("field not emulated: " + field);
            }
        });
        Map<String, Object> states = Map.of(
                "input", MAPPER.convertValue(input, Object.class),
                "context", MAPPER.convertValue(context, Object.class));
        for (JsonNode rule : state.path("Choices")) {
            if (rule.has("Assign") || rule.has("Output")) {
                throw new IllegalArgumentException("choice rule field not emulated: Assign/Output");
            }
            Object value;
            try {
                Jsonata expression = Jsonata.jsonata(expressionOf(rule.path("Condition").asText()));
                Jsonata.Frame frame = expression.createFrame();
                frame.bind("states", states);
                value = expression.evaluate(null, frame);
            } catch (RuntimeException e) {
                return new QueryEvaluationError(String.valueOf(e.getMessage()));
            }
            if (!(value instanceof Boolean matched)) {
                return new QueryEvaluationError("Condition evaluated to " + value + ", not true/false");
            }
            if (matched) {
                return new Transition(rule.path("Next").asText(), input);
            }
        }
        return new Transition(state.path("Default").asText(), input);
    }

    static String expressionOf(String field) {
        if (!field.startsWith("{%") || !field.endsWith("%}")) {
            throw new IllegalArgumentException("not a JSONata field: " + field);
        }
        return field.substring(2, field.length() - 2);
    }
}
