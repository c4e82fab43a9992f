package io.jobform.emulator.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.testing.FakeRoles;
import io.jobform.emulator.testing.Requests;
import io.jobform.emulator.testing.TestContexts;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulerServiceTest {
    private static final String TARGET = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-x";
    private final FakeRoles roles = new FakeRoles().trusting("sched", "scheduler.amazonaws.com")
            .trusting("states-only", "states.amazonaws.com").trusting("fresh", "scheduler.amazonaws.com").propagating("fresh");
    private final SchedulerService scheduler = new SchedulerService(TestContexts.with(roles));

    static ObjectNode schedule() {
        ObjectNode s = JsonBody.object();
        s.put("ScheduleExpression", "cron(0 2 * * ? *)");
        s.put("ScheduleExpressionTimezone", "Europe/Berlin");
        s.put("Description", "jobform spec-hash=0123456789abcdef");
        s.put("State", "ENABLED");
        s.putObject("FlexibleTimeWindow").put("Mode", "FLEXIBLE").put("MaximumWindowInMinutes", 10);
        ObjectNode target = s.putObject("Target");
        target.put("Arn", TARGET);
        target.put("RoleArn", FakeRoles.arn("sched"));
        target.put("Input", "{\"a\":1}");
        target.putObject("RetryPolicy").put("MaximumEventAgeInSeconds", 3600).put("MaximumRetryAttempts", 3);
        return s;
    }

    JsonNode call(String method, String path, Map<String, List<String>> query, JsonNode body) {
        var response = scheduler.handle(Requests.rest("scheduler", method, path, query, body == null ? "" : body.toString()));
        try {
            return JsonBody.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                bad("no expression", s -> s.remove("ScheduleExpression"), "ScheduleExpression"),
                bad("5-field cron", s -> s.put("ScheduleExpression", "cron(0 2 * * *)"), "Invalid Schedule Expression"),
                bad("both ? missing", s -> s.put("ScheduleExpression", "cron(0 2 * * * *)"), "Invalid Schedule Expression"),
                bad("bad rate unit", s -> s.put("ScheduleExpression", "rate(1 week)"), "Invalid Schedule Expression"),
                bad("bad timezone", s -> s.put("ScheduleExpressionTimezone", "Mars/Base"), "ScheduleExpressionTimezone"),
                bad("offset timezone", s -> s.put("ScheduleExpressionTimezone", "+02:00"), "ScheduleExpressionTimezone"),
                bad("description too long", s -> s.put("Description", "d".repeat(513)), "Description"),
                bad("bad state", s -> s.put("State", "PAUSED"), "State"),
                bad("no window", s -> s.remove("FlexibleTimeWindow"), "FlexibleTimeWindow"),
                bad("bad mode", s -> s.putObject("FlexibleTimeWindow").put("Mode", "SOMETIMES"), "Mode"),
                bad("flexible without max", s -> s.putObject("FlexibleTimeWindow").put("Mode", "FLEXIBLE"),
                        "MaximumWindowInMinutes"),
                bad("off with max", s -> s.putObject("FlexibleTimeWindow").put("Mode", "OFF").put("MaximumWindowInMinutes", 5),
                        "MaximumWindowInMinutes"),
                bad("window too long", s -> ((ObjectNode) s.get("FlexibleTimeWindow")).put("MaximumWindowInMinutes", 1441),
                        "1440"),
                bad("no target", s -> s.remove("Target"), "Target"),
                bad("no target arn", s -> target(s).remove("Arn"), "Target.Arn"),
                bad("no role", s -> target(s).remove("RoleArn"), "Target.RoleArn"),
                bad("malformed role", s -> target(s).put("RoleArn", "role/sched"), "Target.RoleArn"),
                bad("unknown role", s -> target(s).put("RoleArn", FakeRoles.arn("ghost")), "assume the role"),
                bad("role not trusting scheduler", s -> target(s).put("RoleArn", FakeRoles.arn("states-only")),
                        "assume the role"),
                bad("role still propagating", s -> target(s).put("RoleArn", FakeRoles.arn("fresh")), "assume the role"),
                bad("empty input", s -> target(s).put("Input", ""), "Target.Input"),
                bad("event age too small", s -> ((ObjectNode) target(s).get("RetryPolicy")).put("MaximumEventAgeInSeconds", 59),
                        "60"),
                bad("too many retries", s -> ((ObjectNode) target(s).get("RetryPolicy")).put("MaximumRetryAttempts", 186),
                        "185"),
                bad("start date long ago", s -> s.put("StartDate", TestContexts.NOW.getEpochSecond() - 3600), "StartDate"),
                bad("end before start", s -> s.put("StartDate", TestContexts.NOW.getEpochSecond() + 7200)
                        .put("EndDate", TestContexts.NOW.getEpochSecond() + 3600), "EndDate"),
                bad("bad client token", s -> s.put("ClientToken", "a b"), "ClientToken"),
                bad("bad action after completion", s -> s.put("ActionAfterCompletion", "ARCHIVE"), "ActionAfterCompletion"));
    }

    private static ObjectNode target(ObjectNode s) {
        return (ObjectNode) s.get("Target");
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String fragment) {
        return Arguments.of(name, change, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchedules")
    void rejectsWithValidationException(String name, Consumer<ObjectNode> change, String fragment) {
        ObjectNode s = schedule();
        change.accept(s);
        assertThatThrownBy(() -> call("POST", "/schedules/job", Map.of(), s))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(fragment);
                });
    }

    @Test
    void rejectsBadNames() {
        assertThatThrownBy(() -> call("POST", "/schedules/a b", Map.of(), schedule()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> call("POST", "/schedules/" + "n".repeat(65), Map.of(), schedule()))
                .hasMessageContaining("64");
    }

    @Test
    void createGetUpdateResetsOmittedFieldsAndDelete() {
        call("POST", "/schedule-groups/jobform", Map.of(), null);
        ObjectNode s = schedule().put("GroupName", "jobform");
        JsonNode created = call("POST", "/schedules/job", Map.of(), s);
        assertThat(created.get("ScheduleArn").asText())
                .isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule/jobform/job");
        assertThatThrownBy(() -> call("POST", "/schedules/job", Map.of(), s))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.status()).isEqualTo(409));
        JsonNode got = call("GET", "/schedules/job", Map.of("groupName", List.of("jobform")), null);
        assertThat(got.get("Description").asText()).isEqualTo("jobform spec-hash=0123456789abcdef");
        assertThat(got.at("/Target/RetryPolicy/MaximumRetryAttempts").asInt()).isEqualTo(3);

        ObjectNode minimal = JsonBody.object().put("GroupName", "jobform").put("ScheduleExpression", "rate(5 minutes)");
        minimal.putObject("FlexibleTimeWindow").put("Mode", "OFF");
        minimal.putObject("Target").put("Arn", TARGET).put("RoleArn", FakeRoles.arn("sched"));
        call("PUT", "/schedules/job", Map.of(), minimal);
        JsonNode updated = call("GET", "/schedules/job", Map.of("groupName", List.of("jobform")), null);
        assertThat(updated.has("Description")).isFalse();
        assertThat(updated.has("ScheduleExpressionTimezone")).isFalse();
        assertThat(updated.at("/Target/RetryPolicy/MaximumRetryAttempts").asInt()).isEqualTo(185);
        assertThat(updated.at("/Target/RetryPolicy/MaximumEventAgeInSeconds").asInt()).isEqualTo(86400);
        assertThat(updated.get("State").asText()).isEqualTo("ENABLED");
        assertThat(updated.get("CreationDate")).isEqualTo(got.get("CreationDate"));

        call("DELETE", "/schedules/job", Map.of("groupName", List.of("jobform")), null);
        assertThatThrownBy(() -> call("GET", "/schedules/job", Map.of("groupName", List.of("jobform")), null))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.status()).isEqualTo(404);
                });
        assertThatThrownBy(() -> call("PUT", "/schedules/job", Map.of(), minimal))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void oneTimeSchedulesIgnoreStartAndEndDates() {
        ObjectNode s = schedule().put("ScheduleExpression", "at(2026-04-01T10:00:00)")
                .put("StartDate", TestContexts.NOW.getEpochSecond() - 3600)
                .put("EndDate", TestContexts.NOW.getEpochSecond() - 1800);
        assertThat(call("POST", "/schedules/once", Map.of(), s).get("ScheduleArn").asText()).endsWith("/once");
    }

    @Test
    void missingGroupIsNotFound() {
        assertThatThrownBy(() -> call("POST", "/schedules/job", Map.of(), schedule().put("GroupName", "nope")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void listsSchedulesByGroupPrefixAndStateAcrossPages() {
        call("POST", "/schedule-groups/g", Map.of(), null);
        for (String name : List.of("a1", "a2", "a3", "b1")) {
            call("POST", "/schedules/" + name, Map.of(), schedule().put("GroupName", "g")
                    .put("State", name.equals("a2") ? "DISABLED" : "ENABLED"));
        }
        call("POST", "/schedules/a9", Map.of(), schedule());
        JsonNode page1 = call("GET", "/schedules", Map.of("ScheduleGroup", List.of("g"), "NamePrefix", List.of("a"),
                "MaxResults", List.of("2")), null);
        assertThat(page1.get("Schedules")).hasSize(2);
        JsonNode page2 = call("GET", "/schedules", Map.of("ScheduleGroup", List.of("g"), "NamePrefix", List.of("a"),
                "MaxResults", List.of("2"), "NextToken", List.of(page1.get("NextToken").asText())), null);
        assertThat(page2.get("Schedules")).extracting(n -> n.get("Name").asText()).containsExactly("a3");
        assertThat(page2.has("NextToken")).isFalse();
        assertThat(page1.at("/Schedules/0/Target/Arn").asText()).isEqualTo(TARGET);
        JsonNode disabled = call("GET", "/schedules", Map.of("State", List.of("DISABLED")), null);
        assertThat(disabled.get("Schedules")).extracting(n -> n.get("Name").asText()).containsExactly("a2");
        assertThat(call("GET", "/schedules", Map.of(), null).get("Schedules")).hasSize(5);
        assertThatThrownBy(() -> call("GET", "/schedules", Map.of("MaxResults", List.of("101")), null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
    }

    @Test
    void groupsAreTaggedAndDeletingOneDeletesItsSchedules() {
        ObjectNode tags = JsonBody.object();
        tags.putArray("Tags").addObject().put("Key", "jobform.io/instance").put("Value", "jobform");
        String arn = call("POST", "/schedule-groups/jobform", Map.of(), tags).get("ScheduleGroupArn").asText();
        assertThat(arn).isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule-group/jobform");
        assertThatThrownBy(() -> call("POST", "/schedule-groups/jobform", Map.of(), null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ConflictException"));
        call("POST", "/schedules/job", Map.of(), schedule().put("GroupName", "jobform"));
        String tagsPath = "/tags/" + arn;
        ObjectNode more = JsonBody.object();
        more.putArray("Tags").addObject().put("Key", "team").put("Value", "a");
        call("POST", tagsPath, Map.of(), more);
        call("DELETE", tagsPath, Map.of("TagKeys", List.of("jobform.io/instance")), null);
        assertThat(call("GET", tagsPath, Map.of(), null).get("Tags").toString())
                .isEqualTo("[{\"Key\":\"team\",\"Value\":\"a\"}]");
        assertThat(scheduler.taggedResources("us-east-1")).anySatisfy(r -> {
            assertThat(r.arn()).isEqualTo(arn);
            assertThat(r.resourceType()).isEqualTo("scheduler:schedule-group");
        });
        String scheduleArn = "/tags/arn:aws:scheduler:us-east-1:123456789012:schedule/jobform/job";
        assertThatThrownBy(() -> call("POST", scheduleArn, Map.of(), more))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
        assertThat(call("GET", "/schedule-groups", Map.of(), null).get("ScheduleGroups")).hasSize(2);
        call("DELETE", "/schedule-groups/jobform", Map.of(), null);
        assertThat(call("GET", "/schedules", Map.of(), null).get("Schedules")).isEmpty();
        assertThatThrownBy(() -> call("GET", "/schedule-groups/jobform", Map.of(), null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> call("DELETE", "/schedule-groups/default", Map.of(), null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
        assertThat(call("GET", "/schedule-groups/default", Map.of(), null).get("State").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void roleBecomesUsableAfterPropagation() {
        ObjectNode s = schedule();
        target(s).put("RoleArn", FakeRoles.arn("fresh"));
        assertThatThrownBy(() -> call("POST", "/schedules/job", Map.of(), s)).isInstanceOf(AwsException.class);
        roles.propagated("fresh");
        assertThat(call("POST", "/schedules/job", Map.of(), s).get("ScheduleArn").asText()).endsWith("/default/job");
    }

    @Test
    void snapshotRoundTrips() {
        call("POST", "/schedule-groups/jobform", Map.of(), null);
        call("POST", "/schedules/job", Map.of(), schedule().put("GroupName", "jobform"));
        SchedulerService other = new SchedulerService(TestContexts.with(roles));
        other.restore(scheduler.snapshot());
        assertThat(other.snapshot()).isEqualTo(scheduler.snapshot());
    }
}
