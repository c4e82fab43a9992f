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
    /**
     * {@code "false"} on every taggable resource of a job whose manifest says
     * {@code jobform.io/prune: "false"}: the keep decision travels with the resources, so a lost or
     * overwritten inventory cannot turn a kept job into a deletion.
     */
    public static final String PRUNE = "jobform.io/prune";
    /**
     * Left on a kept (orphaned) resource in place of the ownership tags: the instance that kept it.
     * Restoring the job's manifest adopts such a resource instead of calling it foreign.
     */
    public static final String KEPT_BY = "jobform.io/kept-by";

    /** Prefix reserved for jobform: manifest labels may not use it. */
    public static final String RESERVED_PREFIX = "jobform.io/";

    private OwnershipTags() {}
}
