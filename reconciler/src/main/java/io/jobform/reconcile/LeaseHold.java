package io.jobform.reconcile;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A lease while its holder works: a heartbeat renews it every quarter of its duration (so it is
 * renewed once less than half is left, with a quarter to spare), and a JVM shutdown hook gives
 * it back when the process is stopped by Ctrl-C (SIGINT) or SIGTERM, so the next reconcile need
 * not wait for it to expire. Closing stops both and releases the lease.
 */
final class LeaseHold implements AutoCloseable {
    private final Lease lease;
    private final ScheduledExecutorService heartbeat;
    private final Thread onShutdown;

    LeaseHold(Lease lease, Consumer<String> warn) {
        this.lease = lease;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobform-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.duration().toMillis() / 4);
        heartbeat.scheduleWithFixedDelay(() -> beat(warn), every, every, TimeUnit.MILLISECONDS);
        this.onShutdown = new Thread(lease::release, "jobform-lease-release");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    private void beat(Consumer<String> warn) {
        try {
            if (!lease.renewIfDue()) {
                warn.accept("warning: the lease was taken over by another reconcile");
                heartbeat.shutdown();
            }
        } catch (RuntimeException e) {
            // A failed renewal (S3 unreachable for a moment) is tried again at the next beat;
            // the lease is only lost once it expires.
            warn.accept("warning: renewing the lease failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it releases the lease itself.
        }
        lease.release();
    }
}
