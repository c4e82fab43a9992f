package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.ScheduleSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkPojo;

/** UpdateSchedule resets every member it omits: the update must say all that the create says. */
class ScheduleRequestsTest {

    static Stream<ScheduleSpec> specs() {
        return Stream.of(
                spec("OFF", Optional.empty(), Optional.empty(), Optional.empty()),
                spec("FLEXIBLE", Optional.of(15), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                        Optional.of(Instant.parse("2027-01-01T00:00:00Z"))));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void updateCarriesEveryMemberOfTheCreate(ScheduleSpec spec) {
        Map<String, Object> create = members(ScheduleRequests.create(spec));
        assertThat(create).containsKeys("Name", "GroupName", "ScheduleExpression", "FlexibleTimeWindow", "State",
                "Description", "ActionAfterCompletion", "Target");
        assertThat(members(ScheduleRequests.update(spec))).isEqualTo(create);
    }

    /** The members that are set, by name; ClientToken is filled by the SDK when it sends the request. */
    private static Map<String, Object> members(SdkPojo request) {
        Map<String, Object> out = new TreeMap<>();
        request.sdkFields().stream().filter(f -> !f.memberName().equals("ClientToken"))
                .forEach(f -> Optional.ofNullable(f.getValueOrDefault(request)).ifPresent(v -> out.put(f.memberName(), v)));
        return out;
    }

    private static ScheduleSpec spec(String windowMode, Optional<Integer> window, Optional<Instant> start,
            Optional<Instant> end) {
        return new ScheduleSpec("jobform-nightly-report", "jobform", "cron(0 2 * * ? *)", "Europe/Berlin",
                windowMode, window, "ENABLED", start, end,
                "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-nightly-report",
                "arn:aws:iam::123456789012:role/jobform/jobform/jobform-scheduler", "{\"job\":\"nightly-report\"}",
                3600, 2, "nightly-report");
    }
}
