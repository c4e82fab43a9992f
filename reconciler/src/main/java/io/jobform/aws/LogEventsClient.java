package io.jobform.aws;

import io.jobform.operate.LogSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a container's log stream with GetLogEvents
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html):
 * startFromHead true to read forward (required when continuing with a nextForwardToken), the
 * same token coming back means the end of the stream for now; without startFromHead the
 * newest {@code limit} events (at most 10,000) come back.
 */
public final class LogEventsClient implements LogSource {
    private static final int MAX_LIMIT = 10_000;

    private final CloudWatchLogsClient logs;

    public LogEventsClient(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public Page read(String group, String stream, Optional<Instant> since, Optional<String> after) {
        return AwsErrors.translate("GetLogEvents", () -> {
            try {
                GetLogEventsResponse r = logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream)
                        .startFromHead(true).nextToken(after.orElse(null))
                        .startTime(after.isPresent() ? null : since.map(Instant::toEpochMilli).orElse(null)));
                return new Page(lines(r.events()), Optional.ofNullable(r.nextForwardToken()).or(() -> after));
            } catch (ResourceNotFoundException e) {
                return new Page(List.of(), after);
            }
        });
    }

    @Override
    public List<Line> tail(String group, String stream, Optional<Instant> since, int count) {
        return AwsErrors.translate("GetLogEvents", () -> {
            try {
                return lines(logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(false)
                        .limit(Math.min(count, MAX_LIMIT)).startTime(since.map(Instant::toEpochMilli).orElse(null)))
                        .events());
            } catch (ResourceNotFoundException e) {
                return List.<Line>of();
            }
        });
    }

    private static List<Line> lines(List<OutputLogEvent> events) {
        List<Line> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(new Line(Instant.ofEpochMilli(e.timestamp()), e.message())));
        return out;
    }
}
