package io.jobform.emulator.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void burstThenRefillAtTheSustainedRate() {
        TokenBucket bucket = new TokenBucket(new RateLimit(20, 1), 0);
        int allowed = 0;
        while (bucket.tryTake(0)) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(20);
        assertThat(bucket.tryTake(999)).isFalse();
        assertThat(bucket.tryTake(1000)).isTrue();
        assertThat(bucket.tryTake(1000)).isFalse();
        // Refill never exceeds the burst.
        TokenBucket idle = new TokenBucket(new RateLimit(2, 1), 0);
        int afterIdle = 0;
        while (idle.tryTake(60_000)) {
            afterIdle++;
        }
        assertThat(afterIdle).isEqualTo(2);
    }

    @Test
    void scaledLimitMultipliesTheRefillAndKeepsTheBurst() {
        assertThat(new RateLimit(100, 1).scaled(10)).isEqualTo(new RateLimit(100, 10));
        assertThat(new RateLimit(2, 1).scaled(0.1)).isEqualTo(new RateLimit(2, 0.1));
    }

    @Test
    void nthRuleFiresOnceAndOnlyForItsKey() {
        FaultRule rule = FaultRule.nth("ecs:RegisterTaskDefinition", Optional.empty(), 2, Fault.THROTTLE);
        List<Optional<Fault>> seen = new ArrayList<>();
        seen.add(rule.apply("ecs:RegisterTaskDefinition", ""));
        seen.add(rule.apply("iam:GetRole", ""));
        seen.add(rule.apply("ecs:RegisterTaskDefinition", ""));
        seen.add(rule.apply("ecs:RegisterTaskDefinition", ""));
        assertThat(seen).containsExactly(Optional.empty(), Optional.empty(), Optional.of(Fault.THROTTLE), Optional.empty());
    }
}
