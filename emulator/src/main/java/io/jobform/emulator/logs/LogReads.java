package io.jobform.emulator.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GetLogEvents and FilterLogEvents. Per the API reference
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html):
 * startTime is inclusive and endTime exclusive, in epoch milliseconds; without a token the
 * newest events come back unless startFromHead is true; nextForwardToken and
 * nextBackwardToken are never null and repeat the token passed in at the end of the stream,
 * which is how a follower knows to wait. FilterLogEvents
 * (API_FilterLogEvents.html) searches a group's streams, named or by prefix but not both,
 * oldest first, and pages with nextToken, absent on the last page.
 */
final class LogReads {
    private static final int MAX_LIMIT = 10_000;
    private static final String START = new LogEvent(0, 0, "", 0).key();

    private final LogStore store;

    LogReads(LogStore store) {
        this.store = store;
    }

    ObjectNode get(Fields in) {
        String group = group(in);
        List<LogEvent> stream = store.stream(group, in.requiredString("logStreamName", 1, 512, LogWrites.STREAM_NAME));
        int limit = in.integer("limit", 1, MAX_LIMIT).orElse((long) MAX_LIMIT).intValue();
        long from = in.integer("startTime", 0, Long.MAX_VALUE).orElse(0L);
        long to = in.integer("endTime", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
        Optional<String> token = in.string("nextToken");
        List<LogEvent> window = stream.stream().filter(e -> e.timestamp() >= from && e.timestamp() < to).toList();
        List<LogEvent> page;
        String position;
        if (token.isPresent()) {
            String t = token.get();
            if (t.length() < 3 || !(t.startsWith("f/") || t.startsWith("b/"))) {
                throw LogsErrors.invalid("The specified nextToken is invalid.");
            }
            position = t.substring(2);
            if (t.startsWith("f/")) {
                page = window.stream().filter(e -> e.key().compareTo(position) > 0).limit(limit).toList();
            } else {
                List<LogEvent> before = window.stream().filter(e -> e.key().compareTo(position) < 0).toList();
                page = before.subList(Math.max(0, before.size() - limit), before.size());
            }
        } else {
            position = START;
            boolean fromHead = in.bool("startFromHead").orElse(false);
            page = fromHead ? window.subList(0, Math.min(limit, window.size()))
                    : window.subList(Math.max(0, window.size() - limit), window.size());
        }
        ObjectNode out = JsonBody.object();
        ArrayNode events = out.putArray("events");
        page.forEach(e -> events.addObject().put("timestamp", e.timestamp()).put("message", e.message())
                .put("ingestionTime", e.ingestionTime()));
        boolean empty = page.isEmpty();
        out.put("nextForwardToken", empty ? token.filter(t -> t.startsWith("f/")).orElse("f/" + position)
                : "f/" + page.get(page.size() - 1).key());
        out.put("nextBackwardToken", empty ? token.filter(t -> t.startsWith("b/")).orElse("b/" + position)
                : "b/" + page.get(0).key());
        return out;
    }

    private record Found(String stream, LogEvent event) {
        String id() {
            return event.key() + "/" + stream;
        }
    }

    ObjectNode filter(Fields in) {
        Map<String, List<LogEvent>> streams = store.group(group(in));
        List<String> names = in.strings("logStreamNames");
        Optional<String> prefix = in.string("logStreamNamePrefix", 1, 512, LogWrites.STREAM_NAME);
        if (!names.isEmpty() && prefix.isPresent()) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive");
        }
        if (in.has("logStreamNames") && (names.isEmpty() || names.size() > 100)) {
            throw LogsErrors.invalid("1 validation error detected: Value at 'logStreamNames' failed to satisfy "
                    + "constraint: Member must have length between 1 and 100");
        }
        int limit = in.integer("limit", 1, MAX_LIMIT).orElse((long) MAX_LIMIT).intValue();
        long from = in.integer("startTime", 0, Long.MAX_VALUE).orElse(0L);
        long to = in.integer("endTime", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
        FilterPattern pattern = FilterPattern.parse(in.string("filterPattern", 0, 1024, null).orElse(""));
        List<Found> found = new ArrayList<>();
        streams.forEach((name, events) -> {
            if ((names.isEmpty() || names.contains(name)) && prefix.map(name::startsWith).orElse(true)) {
                events.stream().filter(e -> e.timestamp() >= from && e.timestamp() < to && pattern.matches(e.message()))
                        .forEach(e -> found.add(new Found(name, e)));
            }
        });
        found.sort(Comparator.comparing(Found::id));
        var page = PageTokens.page(found, Found::id, in.string("nextToken"), limit,
                m -> LogsErrors.invalid("The specified nextToken is invalid."));
        ObjectNode out = JsonBody.object();
        ArrayNode events = out.putArray("events");
        page.items().forEach(f -> events.addObject().put("logStreamName", f.stream())
                .put("timestamp", f.event().timestamp()).put("message", f.event().message())
                .put("ingestionTime", f.event().ingestionTime()).put("eventId", f.id()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    /** logGroupName, or logGroupIdentifier (a name or a log group ARN); exactly one. */
    private static String group(Fields in) {
        Optional<String> name = in.string("logGroupName", 1, 512, LogWrites.GROUP_NAME);
        Optional<String> identifier = in.string("logGroupIdentifier", 1, 2048, null);
        if (name.isPresent() == identifier.isPresent()) {
            throw LogsErrors.invalid("Exactly one of logGroupName or logGroupIdentifier must be provided");
        }
        return name.orElseGet(() -> {
            String id = identifier.get();
            // arn:aws:logs:region:account:log-group:NAME[:*]
            int at = id.indexOf(":log-group:");
            return at < 0 ? id : id.substring(at + ":log-group:".length()).replaceFirst(":\\*$", "");
        });
    }
}
