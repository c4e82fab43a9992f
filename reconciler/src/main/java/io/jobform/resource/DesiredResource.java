package io.jobform.resource;

import java.util.Map;
import java.util.Optional;

/**
 * A resource as the renderer wants it to exist. Implementations are immutable records that
 * carry the exact request content; {@link #specHash()} changes exactly when that content does.
 */
public interface DesiredResource {

    ResourceId id();

    /** Stable hash of the canonical JSON of the resource's content (not of YAML formatting). */
    String specHash();

    /** The job it belongs to; empty for the instance's shared resources. */
    Optional<String> job();

    /** Tags to put on the resource, ownership tags included. */
    Map<String, String> tags();
}
