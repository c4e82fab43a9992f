package io.jobform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.plan.Change;
import io.jobform.plan.FieldChange;
import io.jobform.plan.LastApplied;
import io.jobform.plan.LiveResource;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.PlanPolicy;
import io.jobform.plan.Planner;
import io.jobform.render.CanonicalJson;
import io.jobform.render.ScheduleSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The deep check's comparison: what AWS returns differently but means the same is no change. */
class LiveComparisonTest {
    private static final String ARN = "arn:aws:scheduler:us-east-1:123456789012:schedule/jobform/jobform-a";
    private static final ScheduleSpec SPEC = new ScheduleSpec("jobform-a", "jobform", "cron(0 5 * * ? *)",
            "Europe/Berlin", "FLEXIBLE", Optional.of(10), "ENABLED", Optional.empty(), Optional.empty(),
            "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-a", "arn:aws:iam::123456789012:role/x",
            "{\"a\":1}", 600, 0, "a");

    /** The live body as the adapter builds it from GetSchedule, with its own key order. */
    private static ObjectNode live() {
        ObjectNode body = (ObjectNode) CanonicalJson.parse(CanonicalJson.write(SPEC.request()));
        ObjectNode reversed = CanonicalJson.object();
        List<String> keys = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.set(k, body.get(k)));
        return reversed;
    }

    static Stream<Arguments> cases() {
        UnaryOperator<ObjectNode> same = b -> b;
        return Stream.of(
                Arguments.of("as applied, keys in another order", same, List.of()),
                Arguments.of("a description edited by hand is not compared",
                        (UnaryOperator<ObjectNode>) b -> b.put("Description", "edited"), List.of()),
                Arguments.of("disabled in the console",
                        (UnaryOperator<ObjectNode>) b -> b.put("State", "DISABLED"), List.of("State")),
                Arguments.of("expression and window edited", (UnaryOperator<ObjectNode>) b -> {
                    b.put("ScheduleExpression", "cron(0 7 * * ? *)");
                    ((ObjectNode) b.get("FlexibleTimeWindow")).put("MaximumWindowInMinutes", 15);
                    return b;
                }, List.of("FlexibleTimeWindow.MaximumWindowInMinutes", "ScheduleExpression")),
                Arguments.of("an end date added by hand",
                        (UnaryOperator<ObjectNode>) b -> b.put("EndDate", "2027-01-01T00:00:00Z"),
                        List.of("EndDate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansOnlyRealDifferencesAndNamesThem(String name, UnaryOperator<ObjectNode> edit, List<String> fields) {
        ObservedResource observed = new ObservedResource(SPEC.id(), ARN, Optional.empty(), true, Optional.of("a"),
                Optional.empty(), true, List.of(), LastApplied.NONE);
        JsonNode body = edit.apply(live());
        List<ObservedResource> compared = LiveComparison.compare(List.of(SPEC), List.of(observed),
                o -> Optional.of(new LiveResource(ARN, body)));
        Change change = new Planner(SpecValues::fields).plan(List.of(SPEC), compared,
                new PlanPolicy(false, 10, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), List.of(),
                        java.util.Set.of())).changes().get(0);
        if (fields.isEmpty()) {
            assertThat(change).isInstanceOf(Change.Keep.class);
        } else {
            assertThat(change).isInstanceOf(Change.Update.class);
            assertThat(((Change.Update) change).fields()).extracting(FieldChange::path).containsExactlyElementsOf(fields);
        }
    }
}
