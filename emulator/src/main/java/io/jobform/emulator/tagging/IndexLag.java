package io.jobform.emulator.tagging;

import java.time.Duration;

/**
 * How far the Resource Groups Tagging index trails the services. AWS documents the index as
 * eventually consistent: a new resource or tag can be missing for a while and a deleted resource
 * can still be returned (Resource Groups Tagging API reference, GetResources; reported for
 * minutes to hours in aws/aws-sdk#676 and boto/boto3#3341).
 *
 * @param lag   a created resource or changed tag shows up this long after the change
 * @param ghost a deleted resource is still returned, with its last tags, this long after the delete
 */
public record IndexLag(Duration lag, Duration ghost) {
    public static final IndexLag NONE = new IndexLag(Duration.ZERO, Duration.ZERO);

    public IndexLag {
        if (lag.isNegative() || ghost.isNegative()) {
            throw new IllegalArgumentException("lag and ghost must not be negative");
        }
    }

    public boolean active() {
        return !lag.isZero() || !ghost.isZero();
    }
}
