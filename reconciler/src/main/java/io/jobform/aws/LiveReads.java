package io.jobform.aws;

import io.jobform.operate.LiveResources;
import io.jobform.operate.LiveState;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * One job's live schedule (GetSchedule in the instance's group) and task definition
 * (DescribeTaskDefinition of the family: its latest ACTIVE revision, which RunTask starts when
 * given the family, Amazon ECS API reference): two calls, for describe only.
 */
public final class LiveReads implements LiveResources {
    private final AwsClients clients;
    private final String instance;

    public LiveReads(AwsClients clients, String instance) {
        this.clients = clients;
        this.instance = instance;
    }

    @Override
    public LiveState of(String job) {
        String name = instance + "-" + job;
        Optional<LiveState.LiveSchedule> schedule;
        try {
            GetScheduleResponse s = clients.scheduler.getSchedule(b -> b.groupName(instance).name(name));
            schedule = Optional.of(new LiveState.LiveSchedule(s.scheduleExpression(),
                    s.scheduleExpressionTimezone() == null ? "UTC" : s.scheduleExpressionTimezone(), s.stateAsString()));
        } catch (ResourceNotFoundException e) {
            schedule = Optional.empty();
        }
        Optional<String> revision;
        try {
            revision = Optional.of(clients.ecs.describeTaskDefinition(b -> b.taskDefinition(name)).taskDefinition()
                    .taskDefinitionArn());
        } catch (ClientException e) {
            revision = Optional.empty(); // no ACTIVE revision left
        }
        return new LiveState(schedule, revision);
    }
}
