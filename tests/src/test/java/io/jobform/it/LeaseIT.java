package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One reconcile per instance: a held lease turns a contender away, an expired one is taken over. */
class LeaseIT extends InSandbox {

    private void holdLease(String holder, Instant expires) {
        String body = "{\"holder\":\"" + holder + "\",\"acquired\":\"" + Instant.now() + "\",\"expires\":\"" + expires + "\"}";
        sandbox.store.put(StateKeys.DEFAULT.lease(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContenderExitsCleanlyWhileTheLeaseIsHeld() {
        Instant expires = Instant.now().plus(Duration.ofMinutes(10));
        holdLease("lambda-1", expires);
        ReconcileResult result = sandbox.apply(ReconcileOptions.defaults().withLeaseWait(Duration.ofMillis(1500)));
        assertThat(result.leaseHeld()).hasValue("another reconcile (lambda-1) holds the lease until " + expires
                + "; exiting, the next reconcile catches up (if that holder is gone, jobform unlock removes the lease)");
        assertThat(result.plan()).isEmpty();
        assertThat(sandbox.mutatingCalls()).containsOnlyKeys("s3:CreateBucket", "s3:PutObject");
    }

    @Test
    void concurrentReconcilersNeverWorkAtTheSameTime() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<ReconcileResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> sandbox.apply()));
            }
            int creates = 0;
            int held = 0;
            for (java.util.concurrent.Future<ReconcileResult> run : runs) {
                ReconcileResult result = run.get();
                if (result.leaseHeld().isPresent()) {
                    held++;
                    continue;
                }
                assertThat(result.apply().orElseThrow().failures()).isEmpty();
                creates += result.plan().orElseThrow().counts().get(io.jobform.plan.Change.Action.CREATE);
            }
            // Whoever ran second saw the first one's work: every resource was created exactly once.
            assertThat(creates).isEqualTo(24);
            assertThat(held).isLessThan(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(sandbox.calls().getOrDefault("states:CreateStateMachine", 0L)).isEqualTo(6L);
    }

    @Test
    void aLeaseIsRenewedOnceHalfOfItIsUsedAndLostWhenTakenOver() throws Exception {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(start);
        java.time.Clock clock = new java.time.Clock() {
            public Instant instant() {
                return now.get();
            }

            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        Lease lease = Lease.acquire(sandbox.store, StateKeys.DEFAULT.lease(), clock, "me", Duration.ofMinutes(10), Duration.ZERO,
                Duration.ofSeconds(1)).lease().orElseThrow();
        String first = new String(sandbox.store.get(StateKeys.DEFAULT.lease()).orElseThrow().body(), StandardCharsets.UTF_8);

        now.set(start.plus(Duration.ofMinutes(2)));
        assertThat(lease.renewIfDue()).isTrue();
        assertThat(new String(sandbox.store.get(StateKeys.DEFAULT.lease()).orElseThrow().body(), StandardCharsets.UTF_8))
                .isEqualTo(first); // more than half left: no write

        now.set(start.plus(Duration.ofMinutes(6)));
        assertThat(lease.renewIfDue()).isTrue();
        assertThat(lease.expires()).isEqualTo(start.plus(Duration.ofMinutes(16)));

        holdLease("thief", start.plus(Duration.ofHours(1)));
        now.set(start.plus(Duration.ofMinutes(12)));
        assertThat(lease.renewIfDue()).isFalse();
        assertThat(new String(sandbox.store.get(StateKeys.DEFAULT.lease()).orElseThrow().body(), StandardCharsets.UTF_8))
                .contains("thief");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndReleased() {
        holdLease("crashed", Instant.now().minus(Duration.ofMinutes(1)));
        ReconcileResult result = sandbox.apply();
        assertThat(result.leaseHeld()).isEmpty();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();
    }

    @Test
    void anExpiryAbsurdlyFarAheadIsStaleAndTakenOver() {
        holdLease("forever", Instant.parse("9999-12-31T23:59:59Z"));
        ReconcileResult result = sandbox.apply(ReconcileOptions.defaults().withLeaseWait(Duration.ZERO));
        assertThat(result.leaseHeld()).isEmpty();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();
    }

    @Test
    void theHolderIsPrintedWithoutControlCharacters() {
        Instant expires = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        holdLease("evil\\u001b[2J\\r\\nfake: done\\u202e", expires);
        ReconcileResult result = sandbox.apply(ReconcileOptions.defaults().withLeaseWait(Duration.ZERO));
        assertThat(result.leaseHeld()).hasValue("another reconcile (evil\\u001B[2J\\u000D\\u000Afake: done\\u202E) "
                + "holds the lease until " + expires + "; exiting, the next reconcile catches up (if that holder is gone, jobform unlock removes the lease)");
    }

    @Test
    void aReconcileTakesAShortLeaseSoACrashedHolderBlocksOthersAboutAMinute() {
        java.util.List<Duration> leases = new java.util.ArrayList<>();
        var reconciler = new io.jobform.reconcile.Reconciler(Sandbox.config("jobform"),
                new io.jobform.source.DirectoryManifestSource(sandbox.manifests), sandbox.store, sandbox.clients,
                java.time.Clock.systemUTC(), line -> sandbox.store.get(StateKeys.DEFAULT.lease()).ifPresent(o -> leases.add(length(o.body()))),
                new io.jobform.aws.PropagationRetry(5, Duration.ofMillis(50), Duration.ofMillis(200)));
        try {
            assertThat(reconciler.reconcile(ReconcileOptions.defaults()).apply().orElseThrow().failures()).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(leases).isNotEmpty().allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void aHeartbeatKeepsTheLeaseWhileWorkWithoutProgressOutlastsIt() throws Exception {
        // Observation takes 4 s (no progress line meanwhile); the lease lasts 2 s without renewal.
        sandbox.emulator.hooks().latency("states:ListStateMachines", Duration.ofSeconds(4));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var holder = pool.submit(() -> sandbox.apply(ReconcileOptions.defaults().withLeaseDuration(Duration.ofSeconds(2))));
            Thread.sleep(3_500); // past the first lease's expiry, inside the slow observation
            Lease.Result contender = Lease.acquire(sandbox.store, StateKeys.DEFAULT.lease(), java.time.Clock.systemUTC(), "contender",
                    Duration.ofSeconds(2), Duration.ZERO, Duration.ofMillis(100));
            contender.lease().ifPresent(Lease::release);
            assertThat(contender.lease()).as("the holder's lease was renewed").isEmpty();
            assertThat(holder.get().apply().orElseThrow().failures()).isEmpty();
        } finally {
            sandbox.emulator.hooks().clearLatency();
            pool.shutdownNow();
        }
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();
    }

    private static Duration length(byte[] lease) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lease);
            return Duration.between(Instant.parse(node.path("acquired").asText()), Instant.parse(node.path("expires").asText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
