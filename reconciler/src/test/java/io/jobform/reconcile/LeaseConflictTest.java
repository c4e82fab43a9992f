package io.jobform.reconcile;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.RateLimits;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.hooks.Fault;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease under S3 409s: a passing conflict costs nothing, a lasting one ends the wait. */
class LeaseConflictTest {
    private static final String LEASE = "state/_jobform/lease\\.json";
    private static Emulator emulator;
    private static ObjectStore store;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        AwsClients clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()), new RateLimits(1000));
        store = new ObjectStore(clients.s3, "state");
        store.createBucketIfMissing();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.hooks().reset();
        store.delete(StateKeys.DEFAULT.lease());
    }

    private static Lease.Result acquire() throws InterruptedException {
        return Lease.acquire(store, StateKeys.DEFAULT.lease(), Clock.systemUTC(), "test", Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofMillis(100));
    }

    @Test
    void conflictsOnTakeAndReleaseAreRetried() throws InterruptedException {
        emulator.hooks().failNth("s3:PutObject", LEASE, 1, Fault.CONFLICT);
        emulator.hooks().failNth("s3:DeleteObject", LEASE, 1, Fault.OPERATION_ABORTED);
        Lease.Result result = acquire();
        assertThat(result.lease()).isPresent();
        result.lease().get().release();
        assertThat(store.get(StateKeys.DEFAULT.lease())).as("released despite the 409").isEmpty();
    }

    @Test
    void aLeaseThatCannotBeWrittenEndsTheWait() throws InterruptedException {
        emulator.hooks().failAlways("s3:PutObject", LEASE, Fault.CONFLICT);
        Lease.Result result = acquire();
        assertThat(result.lease()).isEmpty();
        assertThat(result.held()).isPresent();
    }
}
