package io.jobform.reconcile;

import io.jobform.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes and deletes of jobform's own objects (status, applied fields) that do not depend on
 * each other, {@value #PARALLEL} at a time. After a bulk create there is one of each per job:
 * one by one, 2,000 S3 round trips would outlast the time a Lambda keeps for finishing (S3
 * accepts at least 3,500 writes per second per prefix, "Best practices design patterns:
 * optimizing Amazon S3 performance"). The inventory is written after {@link #finish()}, so it
 * never names an object that is not there yet.
 */
final class StateWrites implements AutoCloseable {
    static final int PARALLEL = 16;

    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "jobform-state-write");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> pending = new ArrayList<>();

    void submit(Runnable write) {
        pending.add(pool.submit(write));
    }

    /** Waits for every submitted write; the first failure is raised once all have ended. */
    void finish() {
        RuntimeException first = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing status objects", e);
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause());
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        pending.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * Lets every submitted write end before returning, also when the reconcile failed half way:
     * the lease is released after this, and a write landing after another reconcile's would
     * leave a stale object behind. An interrupt does not stop a blocked socket read, so this
     * waits instead (each call is bounded by the clients' API call timeout).
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(AwsClients.API_CALL_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
