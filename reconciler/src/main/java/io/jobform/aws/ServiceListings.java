package io.jobform.aws;

/** The service clients observation lists and reads through, one per resource kind. */
public record ServiceListings(ScheduleClient schedules, StateMachineClient stateMachines,
        TaskDefinitionClient taskDefinitions, RoleClient roles) {

    public static ServiceListings of(AwsClients clients) {
        return new ServiceListings(new ScheduleClient(clients.scheduler), new StateMachineClient(clients.sfn),
                new TaskDefinitionClient(clients.ecs), new RoleClient(clients.iam));
    }
}
