package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.hooks.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallStatsTest {

    @Test
    void sinceSubtractsAndDropsUnchangedOperations() {
        CallStats before = new CallStats(Map.of("S3:GetObject", 2L, "ECS:ListTaskDefinitions", 1L),
                Map.of("S3:GetObject", 3L, "ECS:ListTaskDefinitions", 1L));
        CallStats now = new CallStats(Map.of("S3:GetObject", 5L, "ECS:ListTaskDefinitions", 1L),
                Map.of("S3:GetObject", 7L, "ECS:ListTaskDefinitions", 1L));
        CallStats delta = now.since(before);
        assertThat(delta.calls()).isEqualTo(Map.of("S3:GetObject", 3L));
        assertThat(delta.totalCalls()).isEqualTo(3);
        assertThat(delta.retries()).isEqualTo(1);
    }

    /** Through the real SDK: a throttled first attempt is one call and one retry. */
    @Test
    void countsCallsAndRetriesOfTheRealClients() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
                AwsClients clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()),
                        new RateLimits(1000))) {
            ObjectStore store = new ObjectStore(clients.s3, "counted");
            store.createBucketIfMissing();
            CallStats before = clients.calls();
            emulator.hooks().failNth("s3:PutObject", 1, Fault.THROTTLE);
            store.put("a.yaml", new byte[] {1});
            store.get("a.yaml");
            CallStats used = clients.calls().since(before);
            assertThat(used.calls()).containsEntry("S3:PutObject", 1L).containsEntry("S3:GetObject", 1L);
            assertThat(used.totalCalls()).isEqualTo(2);
            assertThat(used.retries()).isEqualTo(1);
        }
    }
}
