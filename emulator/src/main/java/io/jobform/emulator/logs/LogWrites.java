package io.jobform.emulator.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateLogGroup, CreateLogStream and PutLogEvents with the limits of the CloudWatch Logs API
 * reference (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html):
 * 1..10,000 events in chronological order spanning at most 24 hours, at most 1,048,576 bytes
 * counted as UTF-8 message plus 26 bytes per event; events older than 14 days or more than
 * 2 hours ahead are rejected and reported in rejectedLogEventsInfo, the rest are stored.
 */
final class LogWrites {
    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    private static final int MAX_BATCH_BYTES = 1_048_576;
    private static final int EVENT_OVERHEAD = 26;

    private final LogStore store;
    private final Instant now;

    LogWrites(LogStore store, Instant now) {
        this.store = store;
        this.now = now;
    }

    ObjectNode createGroup(Fields in) {
        String group = in.requiredString("logGroupName", 1, 512, GROUP_NAME);
        if (store.hasGroup(group)) {
            throw LogsErrors.exists("The specified log group already exists");
        }
        store.createGroup(group);
        return JsonBody.object();
    }

    ObjectNode createStream(Fields in) {
        String group = in.requiredString("logGroupName", 1, 512, GROUP_NAME);
        String stream = in.requiredString("logStreamName", 1, 512, STREAM_NAME);
        var streams = store.group(group);
        if (streams.containsKey(stream)) {
            throw LogsErrors.exists("The specified log stream already exists");
        }
        streams.put(stream, new ArrayList<>());
        return JsonBody.object();
    }

    ObjectNode put(Fields in) {
        String group = in.requiredString("logGroupName", 1, 512, GROUP_NAME);
        String stream = in.requiredString("logStreamName", 1, 512, STREAM_NAME);
        List<Fields> events = in.objects("logEvents");
        if (events.isEmpty() || events.size() > 10_000) {
            throw LogsErrors.invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: "
                    + "Member must have length between 1 and 10000");
        }
        List<LogEvent> target = store.stream(group, stream);
        long previous = Long.MIN_VALUE;
        long bytes = 0;
        List<long[]> stamps = new ArrayList<>();
        for (Fields e : events) {
            long timestamp = e.integer("timestamp").orElseThrow(() -> e.error(e.missing("timestamp")));
            String message = e.requiredString("message");
            if (timestamp < previous) {
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = timestamp;
            bytes += message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
            stamps.add(new long[] {timestamp});
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalid("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        if (previous - stamps.get(0)[0] > Duration.ofHours(24).toMillis()) {
            throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more than "
                    + "24 hours.");
        }
        long oldest = now.minus(Duration.ofDays(14)).toEpochMilli();
        long newest = now.plus(Duration.ofHours(2)).toEpochMilli();
        int tooOldEnd = -1;
        int tooNewStart = -1;
        for (int i = 0; i < events.size(); i++) {
            long timestamp = stamps.get(i)[0];
            if (timestamp < oldest) {
                tooOldEnd = i + 1;
            } else if (timestamp > newest) {
                tooNewStart = tooNewStart < 0 ? i : tooNewStart;
            } else {
                store.append(target, timestamp, events.get(i).requiredString("message"), now.toEpochMilli());
            }
        }
        ObjectNode out = JsonBody.object();
        out.put("nextSequenceToken", String.format("%056d", target.size()));
        if (tooOldEnd >= 0 || tooNewStart >= 0) {
            ObjectNode rejected = out.putObject("rejectedLogEventsInfo");
            if (tooOldEnd >= 0) {
                rejected.put("tooOldLogEventEndIndex", tooOldEnd);
            }
            if (tooNewStart >= 0) {
                rejected.put("tooNewLogEventStartIndex", tooNewStart);
            }
        }
        return out;
    }
}
