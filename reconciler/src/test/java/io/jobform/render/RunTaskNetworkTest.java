package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.manifest.Network;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RunTask's AwsvpcConfiguration: without security groups ECS uses the VPC's default group (ECS
 * API reference, AwsVpcConfiguration); an empty list is not documented as valid, so the key is left out.
 */
class RunTaskNetworkTest {

    @ParameterizedTest(name = "{0} security groups")
    @CsvSource({"0, false", "1, true", "2, true"})
    void securityGroupsKeyOnlyWhenThereAreGroups(int count, boolean present) {
        JobBuilder b = JobBuilder.adhocBackfill();
        List<String> groups = java.util.stream.IntStream.range(0, count).mapToObj(i -> "sg-" + i).toList();
        b.network = Optional.of(new Network(List.of("subnet-1"), groups, false));
        RenderResult result = Renderer.render(List.of(b.build()), JobBuilder.config());
        StateMachineSpec machine = result.desired().ofType(StateMachineSpec.class).get(0);
        List<JsonNode> vpcs = machine.definitionJson().findValues("AwsvpcConfiguration");
        assertThat(vpcs).isNotEmpty();
        for (JsonNode vpc : vpcs) {
            assertThat(vpc.has("SecurityGroups")).isEqualTo(present);
            assertThat(vpc.path("Subnets").get(0).asText()).isEqualTo("subnet-1");
            if (present) {
                assertThat(vpc.path("SecurityGroups")).hasSize(count);
            }
        }
    }
}
