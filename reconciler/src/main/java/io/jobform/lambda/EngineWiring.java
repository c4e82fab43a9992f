package io.jobform.lambda;

import java.util.List;

/**
 * Where the Lambda shell meets the reconcile engine. This build does not contain the engine
 * yet: {@link #runnerFor} answers every reconcile with a FAILED outcome saying so (SQS
 * messages are then reported as failed and retried, never silently dropped), and
 * {@link #warmers} has nothing engine-side to warm. Replace both when the engine lands.
 */
public final class EngineWiring {

    private EngineWiring() {}

    /** Builds the runner once, at init: AWS clients, region and credentials provider included. */
    public static ReconcileRunner runnerFor(HandlerConfig config) {
        return (request, deadline) -> ReconcileOutcome.failed(
                "the reconcile engine is not wired into this build; nothing was reconciled");
    }

    /** Work to run before a SnapStart snapshot: loads classes, opens no socket, reads no credentials. */
    public static List<Runnable> warmers(HandlerConfig config) {
        return List.of();
    }
}
