package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The limits are looked up by the service name the SDK puts on each call. A table keyed by any
 * other spelling (ECS instead of Ecs) silently falls back to the generic rate, which let a bulk
 * create run task definition registrations far above ECS's 1 per second.
 */
class RateLimitsTest {

    @Test
    void theTableUsesTheServiceNamesTheRealClientsReport() {
        Set<String> services = new TreeSet<>();
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
                AwsClients clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()),
                        new RateLimits(1000))) {
            clients.s3.listBuckets();
            clients.ecs.listTaskDefinitions();
            clients.scheduler.listScheduleGroups(b -> { });
            clients.sfn.listStateMachines();
            clients.iam.listRoles();
            clients.calls().calls().keySet().forEach(k -> services.add(k.substring(0, k.indexOf(':'))));
        }
        assertThat(services).containsExactlyInAnyOrder("S3", "Ecs", "Scheduler", "Sfn", "Iam");
        for (String service : services) {
            String operation = switch (service) {
                case "S3" -> "PutObject";
                case "Ecs" -> "RegisterTaskDefinition";
                case "Scheduler" -> "CreateSchedule";
                case "Sfn" -> "CreateStateMachine";
                default -> "CreateRole";
            };
            assertThat(RateLimits.rateOf(service, operation)).as(service + "." + operation)
                    .isNotEqualTo(RateLimits.OTHER);
        }
    }

    @ParameterizedTest(name = "{0}.{1} -> {2}/s, burst {3}")
    @CsvSource({
            "Ecs, RegisterTaskDefinition, 1, 1",
            "Ecs, DeregisterTaskDefinition, 1, 1",
            "Ecs, DescribeTaskDefinition, 20, 50",
            "Sfn, CreateStateMachine, 1, 100",
            "Scheduler, CreateSchedule, 50, 50",
            "Iam, CreateRole, 5, 10",
            "Iam, ListRoles, 10, 20",
            "S3, GetObject, 5500, 5500",
    })
    void publishedRates(String service, String operation, double perSecond, double burst) {
        assertThat(RateLimits.rateOf(service, operation)).isEqualTo(new RateLimits.Rate(perSecond, burst));
    }
}
