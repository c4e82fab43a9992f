package io.jobform.plan;

import io.jobform.resource.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * A resource as observation found it. Observation is cheap (tags, list calls, the inventory),
 * so the content itself is usually unknown: the spec hash stands in for it.
 *
 * @param arn             the resource's ARN (for a task definition: its newest revision)
 * @param specHash        the hash recorded on the resource; empty when it carries none
 * @param owned           carries this instance's ownership marks (tag, group, or path + inventory)
 * @param job             the job it belongs to; empty for shared resources
 * @param manifest        the manifest key it was created from, when known
 * @param prunable        false when the manifest said {@code jobform.io/prune: "false"}
 * @param olderRevisions  task definitions only: ARNs of revisions older than {@code arn}, newest first
 * @param lastApplied     what the applied record says about the last applied spec; {@link LastApplied#NONE} when unread
 */
public record ObservedResource(
        ResourceId id,
        String arn,
        Optional<String> specHash,
        boolean owned,
        Optional<String> job,
        Optional<String> manifest,
        boolean prunable,
        List<String> olderRevisions,
        LastApplied lastApplied) {

    public ObservedResource {
        olderRevisions = List.copyOf(olderRevisions);
    }

    /** An owned resource of a job with nothing but its hash known. */
    public static ObservedResource owned(ResourceId id, String arn, String specHash, String job) {
        return new ObservedResource(id, arn, Optional.of(specHash), true, Optional.of(job), Optional.empty(),
                true, List.of(), LastApplied.NONE);
    }

    public ObservedResource withLastApplied(LastApplied record) {
        return new ObservedResource(id, arn, specHash, owned, job, manifest, prunable, olderRevisions, record);
    }

    /** The same resource with its hash forgotten: the planner then re-applies it (deep drift repair). */
    public ObservedResource withoutHash() {
        return new ObservedResource(id, arn, Optional.empty(), owned, job, manifest, prunable, olderRevisions, lastApplied);
    }

    /** The same resource observed with this hash (a deep check found it equal to the desired spec). */
    public ObservedResource withSpecHash(String value) {
        return new ObservedResource(id, arn, Optional.of(value), owned, job, manifest, prunable, olderRevisions,
                lastApplied);
    }

    /**
     * The same resource at another ARN, the recorded one kept among the older revisions: a task
     * definition revision registered by hand is superseded (and retired) like the recorded one.
     */
    public ObservedResource atRevision(String value) {
        if (value.equals(arn)) {
            return this;
        }
        List<String> older = new java.util.ArrayList<>(List.of(arn));
        olderRevisions.stream().filter(r -> !r.equals(value)).forEach(older::add);
        return new ObservedResource(id, value, specHash, owned, job, manifest, prunable,
                arn.isEmpty() ? olderRevisions : older, lastApplied);
    }

    public ObservedResource withPrunable(boolean value) {
        return new ObservedResource(id, arn, specHash, owned, job, manifest, value, olderRevisions, lastApplied);
    }

    public ObservedResource withManifest(Optional<String> value) {
        return new ObservedResource(id, arn, specHash, owned, job, value, prunable, olderRevisions, lastApplied);
    }
}
