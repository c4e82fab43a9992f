package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/** EventBridge Scheduler through the real SDK client. */
class SchedulerIT extends ComputeEndpointTestBase {
    private static final String TARGET = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-it";
    private static String roleArn;
    private static String statesOnlyRole;

    @BeforeAll
    static void roles() {
        roleArn = role(unique("scheduler"), "scheduler.amazonaws.com");
        statesOnlyRole = role(unique("states"), "states.amazonaws.com");
    }

    static CreateScheduleRequest schedule(String group, String name) {
        return CreateScheduleRequest.builder()
                .groupName(group).name(name)
                .scheduleExpression("cron(0 2 * * ? *)")
                .scheduleExpressionTimezone("Europe/Berlin")
                .description("jobform spec-hash=0123456789abcdef")
                .state(ScheduleState.ENABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(10))
                .target(t -> t.arn(TARGET).roleArn(roleArn).input("{\"job\":\"x\"}")
                        .retryPolicy(p -> p.maximumEventAgeInSeconds(3600).maximumRetryAttempts(2)))
                .build();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("five-field cron", r -> r.scheduleExpression("cron(0 2 * * *)")),
                bad("cron without ?", r -> r.scheduleExpression("cron(0 2 * * MON *)")),
                bad("cron with two ?", r -> r.scheduleExpression("cron(0 2 ? * ? *)")),
                bad("rate in weeks", r -> r.scheduleExpression("rate(1 week)")),
                bad("rate zero", r -> r.scheduleExpression("rate(0 minutes)")),
                bad("bad at", r -> r.scheduleExpression("at(2030-13-01T00:00:00)")),
                bad("unknown timezone", r -> r.scheduleExpressionTimezone("Europe/Atlantis")),
                bad("description too long", r -> r.description("d".repeat(513))),
                bad("flexible without window", r -> r.flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE))),
                bad("window over a day", r -> r.flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE)
                        .maximumWindowInMinutes(1441))),
                bad("off with window", r -> r.flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)
                        .maximumWindowInMinutes(5))),
                bad("malformed role", r -> r.target(t -> t.arn(TARGET).roleArn("scheduler-role"))),
                bad("unknown role", r -> r.target(t -> t.arn(TARGET).roleArn("arn:aws:iam::123456789012:role/ghost"))),
                bad("role not trusting scheduler", r -> r.target(t -> t.arn(TARGET).roleArn(statesOnlyRole))),
                bad("empty input", r -> r.target(t -> t.arn(TARGET).roleArn(roleArn).input(""))),
                bad("event age below 60", r -> r.target(t -> t.arn(TARGET).roleArn(roleArn)
                        .retryPolicy(p -> p.maximumEventAgeInSeconds(59)))),
                bad("186 retries", r -> r.target(t -> t.arn(TARGET).roleArn(roleArn)
                        .retryPolicy(p -> p.maximumRetryAttempts(186)))),
                bad("start date an hour ago", r -> r.startDate(Instant.now().minus(Duration.ofHours(1)))),
                bad("end before start", r -> r.startDate(Instant.now().plus(Duration.ofDays(2)))
                        .endDate(Instant.now().plus(Duration.ofDays(1)))),
                bad("name with slash", r -> r.name("a.b/c")),
                bad("name too long", r -> r.name("n".repeat(65))),
                bad("bad client token", r -> r.clientToken("not valid!")));
    }

    private static Arguments bad(String name, UnaryOperator<CreateScheduleRequest.Builder> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidSchedules(String name, UnaryOperator<CreateScheduleRequest.Builder> change) {
        try (SchedulerClient scheduler = scheduler()) {
            CreateScheduleRequest request = change.apply(schedule("default", unique("bad")).toBuilder()).build();
            assertThatThrownBy(() -> scheduler.createSchedule(request))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void createGetUpdateDeleteWithUpdateResettingOmittedFields() {
        try (SchedulerClient scheduler = scheduler()) {
            String group = unique("it-group");
            scheduler.createScheduleGroup(r -> r.name(group));
            String arn = scheduler.createSchedule(schedule(group, "job")).scheduleArn();
            assertThat(arn).matches("arn:aws:scheduler:us-east-1:\\d{12}:schedule/" + group + "/job");
            assertThatThrownBy(() -> scheduler.createSchedule(schedule(group, "job")))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

            var got = scheduler.getSchedule(r -> r.groupName(group).name("job"));
            assertThat(got.description()).isEqualTo("jobform spec-hash=0123456789abcdef");
            assertThat(got.scheduleExpressionTimezone()).isEqualTo("Europe/Berlin");
            assertThat(got.flexibleTimeWindow().maximumWindowInMinutes()).isEqualTo(10);
            assertThat(got.target().retryPolicy().maximumRetryAttempts()).isEqualTo(2);
            assertThat(got.creationDate()).isNotNull();

            scheduler.updateSchedule(UpdateScheduleRequest.builder().groupName(group).name("job")
                    .scheduleExpression("rate(15 minutes)").state(ScheduleState.DISABLED)
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(TARGET).roleArn(roleArn)).build());
            var updated = scheduler.getSchedule(r -> r.groupName(group).name("job"));
            assertThat(updated.scheduleExpression()).isEqualTo("rate(15 minutes)");
            assertThat(updated.state()).isEqualTo(ScheduleState.DISABLED);
            assertThat(updated.description()).isNull();
            assertThat(updated.scheduleExpressionTimezone()).isNull();
            assertThat(updated.target().input()).isNull();
            assertThat(updated.target().retryPolicy().maximumRetryAttempts()).isEqualTo(185);
            assertThat(updated.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(86400);

            scheduler.deleteSchedule(r -> r.groupName(group).name("job"));
            assertThatThrownBy(() -> scheduler.getSchedule(r -> r.groupName(group).name("job")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> scheduler.deleteSchedule(r -> r.groupName(group).name("job")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> scheduler.createSchedule(schedule(unique("no-group"), "job")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void listsSchedulesAndGroupsAcrossPages() {
        try (SchedulerClient scheduler = scheduler()) {
            String group = unique("it-page");
            scheduler.createScheduleGroup(r -> r.name(group));
            for (String name : List.of("a1", "a2", "a3", "b1")) {
                scheduler.createSchedule(schedule(group, name).toBuilder()
                        .state(name.equals("a2") ? ScheduleState.DISABLED : ScheduleState.ENABLED).build());
            }
            List<String> names = new ArrayList<>();
            scheduler.listSchedulesPaginator(r -> r.groupName(group).namePrefix("a").maxResults(2))
                    .forEach(p -> p.schedules().forEach(s -> names.add(s.name())));
            assertThat(names).containsExactly("a1", "a2", "a3");
            var disabled = scheduler.listSchedules(r -> r.groupName(group).state(ScheduleState.DISABLED)).schedules();
            assertThat(disabled).extracting(s -> s.name()).containsExactly("a2");
            assertThat(disabled.get(0).target().arn()).isEqualTo(TARGET);
            assertThat(disabled.get(0).groupName()).isEqualTo(group);
            assertThatThrownBy(() -> scheduler.listSchedules(r -> r.groupName(unique("none"))))
                    .isInstanceOf(ResourceNotFoundException.class);

            List<String> groups = new ArrayList<>();
            scheduler.listScheduleGroupsPaginator(r -> r.namePrefix("it-page").maxResults(1))
                    .forEach(p -> p.scheduleGroups().forEach(g -> groups.add(g.name())));
            assertThat(groups).contains(group);
            assertThat(scheduler.getScheduleGroup(r -> r.name("default")).stateAsString()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void groupTagsAndCascadingDelete() {
        try (SchedulerClient scheduler = scheduler()) {
            String group = unique("it-tags");
            String arn = scheduler.createScheduleGroup(r -> r.name(group)
                    .tags(Tag.builder().key("jobform.io/instance").value("it").build())).scheduleGroupArn();
            assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name(group))).isInstanceOf(ConflictException.class);
            scheduler.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("a").build()));
            scheduler.untagResource(r -> r.resourceArn(arn).tagKeys("jobform.io/instance"));
            assertThat(scheduler.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("a").build());
            String scheduleArn = scheduler.createSchedule(schedule(group, "job")).scheduleArn();
            assertThatThrownBy(() -> scheduler.tagResource(r -> r.resourceArn(scheduleArn)
                    .tags(Tag.builder().key("k").value("v").build()))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> scheduler.listTagsForResource(r -> r.resourceArn(arn + "-gone")))
                    .isInstanceOf(ResourceNotFoundException.class);

            scheduler.deleteScheduleGroup(r -> r.name(group));
            assertThatThrownBy(() -> scheduler.getScheduleGroup(r -> r.name(group)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> scheduler.getSchedule(r -> r.groupName(group).name("job")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> scheduler.deleteScheduleGroup(r -> r.name("default")))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void roleNotYetPropagatedIsRejected() {
        var emulator = emulatorOnly();
        emulator.hooks().iamPropagationDelay(Duration.ofHours(1));
        try (SchedulerClient scheduler = scheduler()) {
            String fresh = role(unique("fresh"), "scheduler.amazonaws.com");
            CreateScheduleRequest request = schedule("default", unique("fresh"))
                    .toBuilder().target(t -> t.arn(TARGET).roleArn(fresh)).build();
            assertThatThrownBy(() -> scheduler.createSchedule(request))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("must allow AWS EventBridge Scheduler to assume the role");
        } finally {
            emulator.hooks().iamPropagationDelay(Duration.ZERO);
        }
    }
}
