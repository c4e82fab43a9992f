package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.Lease;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reconcile per instance: a held lease turns a contender away, an expired one is taken over. */
class LeaseIT {
    @TempDir
    Path work;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new Sandbox(work);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void holdLease(String holder, Instant expires) {
        String body = "{\"holder\":\"" + holder + "\",\"acquired\":\"" + Instant.now() + "\",\"expires\":\"" + expires + "\"}";
        sandbox.store.put(Lease.KEY, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContenderExitsCleanlyWhileTheLeaseIsHeld() {
        Instant expires = Instant.now().plus(Duration.ofMinutes(10));
        holdLease("lambda-1", expires);
        ReconcileResult result = sandbox.apply(ReconcileOptions.defaults().withLeaseWait(Duration.ofMillis(1500)));
        assertThat(result.leaseHeld()).hasValue("another reconcile (lambda-1) holds the lease until " + expires
                + "; exiting, the next reconcile catches up");
        assertThat(result.plan()).isEmpty();
        assertThat(sandbox.mutatingCalls()).containsOnlyKeys("s3:CreateBucket", "s3:PutObject");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndReleased() {
        holdLease("crashed", Instant.now().minus(Duration.ofMinutes(1)));
        ReconcileResult result = sandbox.apply();
        assertThat(result.leaseHeld()).isEmpty();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(sandbox.store.get(Lease.KEY)).isEmpty();
    }
}
