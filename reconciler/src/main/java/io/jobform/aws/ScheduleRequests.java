package io.jobform.aws;

import io.jobform.render.ScheduleSpec;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/** The full Create/UpdateSchedule request for a spec: UpdateSchedule resets whatever it omits. */
final class ScheduleRequests {
    private ScheduleRequests() {}

    static CreateScheduleRequest create(ScheduleSpec s) {
        CreateScheduleRequest.Builder b = CreateScheduleRequest.builder()
                .name(s.name()).groupName(s.groupName())
                .scheduleExpression(s.scheduleExpression())
                .scheduleExpressionTimezone(s.scheduleExpressionTimezone())
                .flexibleTimeWindow(window(s))
                .state(s.state())
                .description(s.description())
                .actionAfterCompletion(ActionAfterCompletion.NONE)
                .target(target(s));
        s.startDate().ifPresent(b::startDate);
        s.endDate().ifPresent(b::endDate);
        return b.build();
    }

    /**
     * The same request as {@link #create}, as an update: the two SDK builders share no interface,
     * so the values are decided once, in create, and copied member by member (ScheduleRequestsTest
     * checks that none is left behind).
     */
    static UpdateScheduleRequest update(ScheduleSpec s) {
        CreateScheduleRequest c = create(s);
        return UpdateScheduleRequest.builder()
                .name(c.name()).groupName(c.groupName())
                .scheduleExpression(c.scheduleExpression())
                .scheduleExpressionTimezone(c.scheduleExpressionTimezone())
                .flexibleTimeWindow(c.flexibleTimeWindow())
                .state(c.stateAsString())
                .description(c.description())
                .actionAfterCompletion(c.actionAfterCompletionAsString())
                .target(c.target())
                .startDate(c.startDate()).endDate(c.endDate())
                .kmsKeyArn(c.kmsKeyArn())
                .build();
    }

    /** A copy of an existing schedule in another group: how an orphaned schedule leaves the instance's group. */
    static CreateScheduleRequest copy(GetScheduleResponse s, String group, String instance) {
        return CreateScheduleRequest.builder()
                .name(s.name()).groupName(group)
                .scheduleExpression(s.scheduleExpression())
                .scheduleExpressionTimezone(s.scheduleExpressionTimezone())
                .flexibleTimeWindow(s.flexibleTimeWindow())
                .state(s.state())
                .description(keptDescription(instance))
                .startDate(s.startDate()).endDate(s.endDate())
                .target(s.target())
                .build();
    }

    /** The description of a kept schedule's copy: how a restored job recognises it. */
    static String keptDescription(String instance) {
        return "kept by jobform instance " + instance;
    }

    private static FlexibleTimeWindow window(ScheduleSpec s) {
        FlexibleTimeWindow.Builder w = FlexibleTimeWindow.builder().mode(s.flexibleTimeWindowMode());
        s.maximumWindowInMinutes().ifPresent(w::maximumWindowInMinutes);
        return w.build();
    }

    private static Target target(ScheduleSpec s) {
        return Target.builder()
                .arn(s.targetArn())
                .roleArn(s.targetRoleArn())
                .input(s.targetInput())
                .retryPolicy(r -> r.maximumEventAgeInSeconds(s.maximumEventAgeInSeconds())
                        .maximumRetryAttempts(s.maximumRetryAttempts()))
                .build();
    }
}
