package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.logs.LogsService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through the real SDK client (awsJson1.1, Logs_20140328). */
class LogsIT extends EndpointTestBase {

    private static CloudWatchLogsClient logs() {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static String stream(CloudWatchLogsClient logs, String group, int lines) {
        String stream = "job/job/" + unique("task");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long now = Instant.now().toEpochMilli();
        List<InputLogEvent> events = IntStream.range(0, lines)
                .mapToObj(i -> InputLogEvent.builder().timestamp(now - lines + i).message("line " + i).build()).toList();
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        return stream;
    }

    @Test
    void groupsAndStreamsAreCreatedOnceAndMustExistForWrites() {
        try (CloudWatchLogsClient logs = logs()) {
            String group = "/jobform/" + unique("g");
            assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("s")))
                    .isInstanceOf(ResourceNotFoundException.class);
            logs.createLogGroup(r -> r.logGroupName(group));
            assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName(group)))
                    .isInstanceOf(ResourceAlreadyExistsException.class);
            assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad name")))
                    .isInstanceOf(InvalidParameterException.class);
            logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
            assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("s")))
                    .isInstanceOf(ResourceAlreadyExistsException.class);
            assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("other")
                    .logEvents(InputLogEvent.builder().timestamp(1L).message("x").build())))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void putRejectsUnorderedBatchesAndReportsTooOldEvents() {
        try (CloudWatchLogsClient logs = logs()) {
            String group = "/jobform/" + unique("g");
            logs.createLogGroup(r -> r.logGroupName(group));
            logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
            long now = Instant.now().toEpochMilli();
            assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(now).message("b").build(),
                    InputLogEvent.builder().timestamp(now - 10).message("a").build())))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("chronological");
            long old = now - 15L * 24 * 3600 * 1000;
            var put = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(old).message("old").build(),
                    InputLogEvent.builder().timestamp(old + 1).message("older than 14 days too").build()));
            assertThat(put.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
            assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(old).message("old").build(),
                    InputLogEvent.builder().timestamp(now).message("kept").build())))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("24 hours");
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(now).message("kept").build()));
            assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").startFromHead(true)).events())
                    .extracting(OutputLogEvent::message).containsExactly("kept");
        }
    }

    @Test
    void getLogEventsPagesForwardAndRepeatsTheTokenAtTheEnd() {
        try (CloudWatchLogsClient logs = logs()) {
            String group = "/jobform/" + unique("g");
            logs.createLogGroup(r -> r.logGroupName(group));
            String stream = stream(logs, group, 25);
            List<String> read = new ArrayList<>();
            String token = null;
            GetLogEventsResponse page;
            int calls = 0;
            while (true) {
                String t = token;
                page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true).limit(10)
                        .nextToken(t));
                calls++;
                page.events().forEach(e -> read.add(e.message()));
                if (page.nextForwardToken().equals(token)) {
                    break;
                }
                token = page.nextForwardToken();
            }
            assertThat(read).hasSize(25).startsWith("line 0", "line 1").endsWith("line 24");
            assertThat(calls).isEqualTo(4); // 10 + 10 + 5, then an empty page with the same token

            // Lines written later appear after the last forward token: how a follower sees new output.
            emulatorOnly().service(LogsService.class).write("us-east-1", group, stream, List.of("late"));
            String last = token;
            assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true)
                    .nextToken(last)).events()).extracting(OutputLogEvent::message).containsExactly("late");
        }
    }

    @Test
    void withoutATokenTheNewestEventsComeBackAndTheTimeWindowApplies() {
        try (CloudWatchLogsClient logs = logs()) {
            String group = "/jobform/" + unique("g");
            logs.createLogGroup(r -> r.logGroupName(group));
            String stream = stream(logs, group, 20);
            assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream).limit(3)).events())
                    .extracting(OutputLogEvent::message).containsExactly("line 17", "line 18", "line 19");
            long now = Instant.now().toEpochMilli();
            // Events stamped now-20+i: startTime inclusive, endTime exclusive.
            List<OutputLogEvent> all = logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                    .startFromHead(true)).events();
            long first = all.get(0).timestamp();
            assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true)
                    .startTime(first + 5).endTime(first + 8)).events())
                    .extracting(OutputLogEvent::message).containsExactly("line 5", "line 6", "line 7");
            assertThat(now).isGreaterThanOrEqualTo(first);
            assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("missing")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void filterLogEventsSearchesNamedStreamsInTimeOrderWithPaging() {
        try (CloudWatchLogsClient logs = logs()) {
            String group = "/jobform/" + unique("g");
            logs.createLogGroup(r -> r.logGroupName(group));
            String a = stream(logs, group, 12);
            String b = stream(logs, group, 12);
            stream(logs, group, 5); // not asked for
            List<FilteredLogEvent> found = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String t = token;
                FilterLogEventsResponse r = logs.filterLogEvents(q -> q.logGroupName(group).logStreamNames(a, b)
                        .limit(5).nextToken(t));
                found.addAll(r.events());
                token = r.nextToken();
                pages++;
            } while (token != null);
            assertThat(found).hasSize(24);
            assertThat(pages).isEqualTo(5);
            assertThat(found).extracting(FilteredLogEvent::logStreamName).containsOnly(a, b);
            assertThat(found).extracting(FilteredLogEvent::timestamp).isSorted();
            assertThat(found).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
            assertThat(logs.filterLogEvents(q -> q.logGroupName(group).logStreamNames(a).filterPattern("\"line 1\""))
                    .events()).extracting(FilteredLogEvent::message).containsExactly("line 1", "line 10", "line 11");
            assertThatThrownBy(() -> logs.filterLogEvents(q -> q.logGroupName(group).logStreamNames(a)
                    .logStreamNamePrefix("job/"))).isInstanceOf(InvalidParameterException.class);
        }
    }
}
