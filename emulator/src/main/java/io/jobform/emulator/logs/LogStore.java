package io.jobform.emulator.logs;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The log groups of one region; each group's streams keep their events in timestamp order. */
final class LogStore implements RegionalStores.Store {
    private static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::timestamp)
            .thenComparingLong(LogEvent::sequence);

    private final Map<String, Map<String, List<LogEvent>>> groups = new TreeMap<>();
    private long sequence;

    boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    void createGroup(String group) {
        groups.put(group, new TreeMap<>());
    }

    Map<String, List<LogEvent>> group(String group) {
        Map<String, List<LogEvent>> streams = groups.get(group);
        if (streams == null) {
            throw LogsErrors.notFound("The specified log group does not exist.");
        }
        return streams;
    }

    List<LogEvent> stream(String group, String stream) {
        return Optional.ofNullable(group(group).get(stream))
                .orElseThrow(() -> LogsErrors.notFound("The specified log stream does not exist."));
    }

    /** Adds events, kept sorted: CloudWatch orders a stream by event timestamp, not by arrival. */
    void append(List<LogEvent> stream, long timestamp, String message, long ingestionTime) {
        stream.add(new LogEvent(timestamp, ++sequence, message, ingestionTime));
        stream.sort(ORDER);
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode out = JsonBody.object();
        out.put("sequence", sequence);
        ObjectNode all = out.putObject("groups");
        groups.forEach((g, streams) -> {
            ObjectNode group = all.putObject(g);
            streams.forEach((s, events) -> {
                ArrayNode list = group.putArray(s);
                events.forEach(e -> list.addObject().put("timestamp", e.timestamp()).put("sequence", e.sequence())
                        .put("message", e.message()).put("ingestionTime", e.ingestionTime()));
            });
        });
        return out;
    }

    @Override
    public void restore(JsonNode state) {
        groups.clear();
        sequence = state.path("sequence").asLong();
        state.path("groups").fields().forEachRemaining(g -> {
            Map<String, List<LogEvent>> streams = new TreeMap<>();
            g.getValue().fields().forEachRemaining(s -> {
                List<LogEvent> events = new ArrayList<>();
                s.getValue().forEach(e -> events.add(new LogEvent(e.path("timestamp").asLong(),
                        e.path("sequence").asLong(), e.path("message").asText(), e.path("ingestionTime").asLong())));
                streams.put(s.getKey(), events);
            });
            groups.put(g.getKey(), streams);
        });
    }
}
