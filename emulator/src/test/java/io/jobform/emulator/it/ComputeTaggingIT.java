package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Task definitions, state machines and schedule groups are visible to the Tagging API by their tags. */
class ComputeTaggingIT extends ComputeEndpointTestBase {

    @Test
    void getResourcesFindsTaggedComputeResources() {
        String instance = unique("inst");
        String roleArn = role(unique("states"), "states.amazonaws.com");
        try (EcsClient ecs = ecs(); SfnClient sfn = sfn(); SchedulerClient scheduler = scheduler();
             ResourceGroupsTaggingApiClient tagging = tagging()) {
            String td = ecs.registerTaskDefinition(EcsIT.fargate(unique("tag-td")).toBuilder()
                    .tags(software.amazon.awssdk.services.ecs.model.Tag.builder().key("jobform.io/instance").value(instance)
                            .build()).build()).taskDefinition().taskDefinitionArn();
            String sm = sfn.createStateMachine(r -> r.name(unique("tag-sm")).definition(StepFunctionsIT.DEFINITION)
                    .roleArn(roleArn).tags(software.amazon.awssdk.services.sfn.model.Tag.builder()
                            .key("jobform.io/instance").value(instance).build())).stateMachineArn();
            String group = scheduler.createScheduleGroup(r -> r.name(unique("tag-group"))
                    .tags(software.amazon.awssdk.services.scheduler.model.Tag.builder()
                            .key("jobform.io/instance").value(instance).build())).scheduleGroupArn();

            List<String> all = new ArrayList<>();
            tagging.getResourcesPaginator(r -> r.tagFilters(f -> f.key("jobform.io/instance").values(instance))
                    .resourcesPerPage(1)).forEach(p -> p.resourceTagMappingList().forEach(m -> all.add(m.resourceARN())));
            assertThat(all).containsExactlyInAnyOrder(td, sm, group);
            List<ResourceTagMapping> machines = tagging.getResources(r -> r.resourceTypeFilters("states:stateMachine")
                    .tagFilters(f -> f.key("jobform.io/instance").values(instance))).resourceTagMappingList();
            assertThat(machines).extracting(ResourceTagMapping::resourceARN).containsExactly(sm);

            ecs.deregisterTaskDefinition(r -> r.taskDefinition(td));
            ecs.deleteTaskDefinitions(r -> r.taskDefinitions(td));
            sfn.deleteStateMachine(r -> r.stateMachineArn(sm));
            List<String> left = new ArrayList<>();
            tagging.getResourcesPaginator(r -> r.tagFilters(f -> f.key("jobform.io/instance").values(instance)))
                    .forEach(p -> p.resourceTagMappingList().forEach(m -> left.add(m.resourceARN())));
            assertThat(left).containsExactly(group);
        }
    }
}
