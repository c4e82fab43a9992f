package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The events of one execution on its own simulated time. Branches of a Parallel or Map state
 * are computed one after another, so events are sorted by time when read.
 */
final class Timeline {
    /** The moment of a task that never stops: later than any timeout. */
    static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");
    /** "Quotas related to state machine executions": at most 25,000 events in the history. */
    static final int MAX_EVENTS = 25_000;

    private final List<HistoryEvent> events = new ArrayList<>();

    ObjectNode add(Instant at, String type, String detailsName) {
        if (events.size() >= MAX_EVENTS) {
            throw StatesError.runtime("The execution reached the maximum number of history events ("
                    + MAX_EVENTS + ")");
        }
        ObjectNode details = JsonPaths.mapper().createObjectNode();
        events.add(new HistoryEvent(at, type, Optional.ofNullable(detailsName), details));
        return details;
    }

    /** The closing event is recorded even when the history is full. */
    ObjectNode close(Instant at, String type, String detailsName) {
        ObjectNode details = JsonPaths.mapper().createObjectNode();
        events.add(new HistoryEvent(at, type, Optional.of(detailsName), details));
        return details;
    }

    void add(Instant at, String type) {
        add(at, type, null);
    }

    int size() {
        return events.size();
    }

    /** Everything up to and including {@code until}, oldest first (stable for equal times). */
    List<HistoryEvent> until(Instant until) {
        return events.stream().filter(e -> !e.at().isAfter(until))
                .sorted(Comparator.comparing(HistoryEvent::at)).toList();
    }

    static ObjectNode stateEntered(Timeline t, Instant at, String type, String name, JsonNode input) {
        ObjectNode d = t.add(at, type + "StateEntered", "stateEnteredEventDetails");
        d.put("name", name).put("input", Jsons.write(input)).putObject("inputDetails").put("truncated", false);
        return d;
    }

    static void stateExited(Timeline t, Instant at, String type, String name, JsonNode output) {
        ObjectNode d = t.add(at, type + "StateExited", "stateExitedEventDetails");
        d.put("name", name).put("output", Jsons.write(output)).putObject("outputDetails").put("truncated", false);
    }
}
