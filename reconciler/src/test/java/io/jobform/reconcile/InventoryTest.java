package io.jobform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import io.jobform.render.JobGrants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

    @Test
    void roundTripsThroughJson() {
        Inventory inventory = new Inventory(1, "",
                Map.of("a.yaml", new Inventory.ManifestEntry("etag-1", "a", true, "kind: ScheduledJob\n")),
                Map.of("Schedule/jobform-a", new Inventory.ResourceEntry("arn:s", "abc", "a", "a.yaml", false,
                        "2026-01-01T00:00:00Z")),
                Map.of("a", "digest@2026-01-01T00:00:00Z"),
                Map.of("a", new JobGrants(List.of(), List.of(), List.of(), List.of("arn:aws:sns:eu-west-1:123456789012:t"),
                        true, false)),
                Map.of("StateMachine/jobform-other", "arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-other"));
        assertThat(Inventory.fromJson(inventory.toJson())).isEqualTo(inventory);
    }

    @Test
    void anUnreadableInventoryCountsAsEmpty() {
        assertThat(Inventory.fromJson("{not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(Inventory.empty());
    }

    @Test
    void onlyWellFormedUtf8WithinTheLimitIsCached() {
        assertThat(ManifestReader.cacheable("name: a".getBytes(StandardCharsets.UTF_8))).hasValue("name: a");
        assertThat(ManifestReader.cacheable(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty();
    }
}
