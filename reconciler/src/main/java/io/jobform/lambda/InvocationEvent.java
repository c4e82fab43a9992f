package io.jobform.lambda;

/**
 * One thing an invocation payload says, after parsing and before filtering by the manifest
 * scope. An event is only a hint: every reconcile looks at the whole manifest set.
 */
public sealed interface InvocationEvent {

    /** An S3 object was created or deleted (direct, SQS-wrapped or EventBridge-shaped). */
    record ObjectChanged(ObjectChange change) implements InvocationEvent {}

    /** A periodic resync: reconcile everything even though no object changed. */
    record Resync(String origin) implements InvocationEvent {}

    /** A manual invoke: {@code {"action":"reconcile"}} or, with planOnly, {@code {"action":"plan"}}. */
    record ManualInvoke(boolean planOnly) implements InvocationEvent {}

    /** A well-formed event that carries nothing to do (e.g. S3's test event). */
    record Ignored(String reason) implements InvocationEvent {}

    /** A payload jobform does not understand; logged, never acted on. */
    record Unrecognized(String reason) implements InvocationEvent {}
}
