package io.jobform.reconcile;

import io.jobform.aws.ResourceObserver;
import io.jobform.plan.ObservedResource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Observation needs only the inventory, so it runs on its own thread while the manifests are
 * read, validated and rendered: its AWS round trips overlap that CPU work instead of following
 * it. A failure is raised where the result is taken, as if observation had run in line.
 */
final class BackgroundObservation implements AutoCloseable {
    private final ExecutorService thread;
    private final Future<List<ObservedResource>> result;

    BackgroundObservation(ResourceObserver observer, Inventory inventory) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jobform-observe");
            t.setDaemon(true);
            return t;
        });
        this.result = thread.submit(() -> observer.observe(inventory));
    }

    List<ObservedResource> join() throws IOException {
        return BackgroundResult.await(result, "observing AWS");
    }

    /** Stops an observation nobody will read (the reconcile failed before planning). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
