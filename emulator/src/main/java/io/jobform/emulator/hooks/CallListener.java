package io.jobform.emulator.hooks;

import java.util.Optional;

/**
 * Sees every service call before it runs and may fail it, e.g. to simulate a crash of the
 * caller after call k by resetting every later connection.
 */
@FunctionalInterface
public interface CallListener {

    /**
     * @param callIndex 1-based index of the call since the emulator started (or counters were reset)
     * @param service   the signing name (s3, iam, ecs, ...)
     * @param operation the operation name (PutObject, CreateRole, ...)
     * @return a fault to inject, or empty to let the call proceed
     */
    Optional<Fault> onCall(long callIndex, String service, String operation);
}
