package io.jobform.resource;

/**
 * Tags that mark a resource as owned by one jobform instance. A resource without
 * {@link #INSTANCE} equal to the reconciler's instance is never modified or deleted.
 */
public final class OwnershipTags {
    public static final String INSTANCE = "jobform.io/instance";
    public static final String JOB = "jobform.io/job";
    public static final String MANIFEST = "jobform.io/manifest";
    public static final String SPEC_HASH = "jobform.io/spec-hash";

    /** Prefix reserved for jobform: manifest labels may not use it. */
    public static final String RESERVED_PREFIX = "jobform.io/";

    private OwnershipTags() {}
}
