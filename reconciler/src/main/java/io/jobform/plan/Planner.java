package io.jobform.plan;

import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the whole desired set with the whole observed set. Pure: the same input gives the
 * same plan, and nothing here calls AWS.
 */
public final class Planner {

    private final Function<DesiredResource, DesiredFields> fields;

    /** @param fields a desired resource's fields, for field-level changes and rename detection */
    public Planner(Function<DesiredResource, DesiredFields> fields) {
        this.fields = fields;
    }

    public Plan plan(Collection<? extends DesiredResource> desired, Collection<ObservedResource> observed,
            PlanPolicy policy) {
        Map<ResourceId, DesiredResource> wanted = new TreeMap<>();
        desired.forEach(d -> wanted.put(d.id(), d));
        Map<ResourceId, ObservedResource> found = new TreeMap<>();
        observed.stream().filter(ObservedResource::owned).forEach(o -> found.put(o.id(), o));

        List<Change> forward = new ArrayList<>();
        List<Change> retirements = new ArrayList<>();
        for (DesiredResource d : wanted.values()) {
            ObservedResource o = found.get(d.id());
            if (d.job().map(policy.frozenJobs()::contains).orElse(false)) {
                forward.add(new Change.Skip(d.id(), d.job(), "frozen: the job's manifest is invalid"));
            } else if (o == null) {
                forward.add(new Change.Create(d));
            } else if (o.specHash().filter(d.specHash()::equals).isPresent()) {
                forward.add(new Change.Keep(d, o));
                retire(d.id(), d.job(), o.olderRevisions(), retirements);
            } else {
                DesiredFields wantedFields = fields.apply(d);
                forward.add(new Change.Update(d, o, FieldChanges.between(o.lastApplied(), wantedFields.values(),
                        wantedFields.legacy())));
                List<String> superseded = new ArrayList<>();
                superseded.add(o.arn());
                superseded.addAll(o.olderRevisions());
                retire(d.id(), d.job(), o.id().kind() == io.jobform.resource.ResourceKind.TASK_DEFINITION
                        ? superseded : List.of(), retirements);
            }
        }

        // A job is kept when any of its resources says so: a schedule (untaggable) or a role known
        // only from an incomplete inventory must not be deleted while its state machine is kept.
        Set<String> keptJobs = found.values().stream().filter(o -> !o.prunable()).flatMap(o -> o.job().stream())
                .collect(Collectors.toSet());
        List<Change> prune = new ArrayList<>();
        for (ObservedResource o : found.values()) {
            if (wanted.containsKey(o.id()) || o.job().isEmpty()) {
                continue; // shared resources are never pruned by a job's deletion
            }
            if (policy.frozen(o)) {
                prune.add(new Change.Skip(o.id(), o.job(), "frozen: the job's manifest is invalid, not pruned"));
            } else if (!o.prunable() || o.job().filter(keptJobs::contains).isPresent()) {
                prune.add(new Change.Orphan(o));
            } else {
                prune.add(new Change.Delete(o));
            }
        }
        List<String> guards = new ArrayList<>();
        prune = guard(prune, wanted.values(), found.values(), policy, guards);
        prune.sort(Comparator.comparing((Change c) -> c.id().kind()).reversed()
                .thenComparing(c -> c.id().name()));

        forward = holdSharedUpdates(forward, prune, guards, policy.granted());
        List<Change> changes = new ArrayList<>(forward);
        changes.addAll(prune);
        changes.addAll(retirements);
        return new Plan(changes, guards, Renames.in(changes, fields));
    }

    /**
     * Shared roles are rendered from the valid jobs only. While a job is frozen or its pruning is
     * held back, its resources still run and still need what the shared roles grant them (image
     * pulls, secrets): narrowing those roles then would break them, so shared updates wait.
     */
    private static List<Change> holdSharedUpdates(List<Change> forward, List<Change> prune, List<String> guards,
            Set<String> granted) {
        // A skipped job whose last grants are rendered into the shared roles is served by them
        // (they only widen while it exists); one whose grants are unknown is not.
        java.util.function.Predicate<Change> ungranted = c -> c.action() == Change.Action.SKIP
                && !c.job().filter(granted::contains).isPresent();
        boolean heldBack = forward.stream().anyMatch(ungranted) || prune.stream().anyMatch(ungranted);
        if (!heldBack) {
            return forward;
        }
        String reason = "held back: frozen or guarded jobs still rely on this shared resource";
        List<Change> out = new ArrayList<>();
        for (Change c : forward) {
            if (c instanceof Change.Update && c.job().isEmpty()) {
                out.add(new Change.Skip(c.id(), c.job(), reason));
                if (!guards.contains(SHARED_HELD)) {
                    guards.add(SHARED_HELD);
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }

    static final String SHARED_HELD = "guard: shared resources are not updated while a job is frozen or its pruning "
            + "is held back (fix the invalid manifests, or resolve the prune guard, to update them)";

    static final String HELD_BY_GUARD = "held back by a prune guard";

    private static void retire(ResourceId id, Optional<String> job, List<String> arns, List<Change> into) {
        if (!arns.isEmpty()) {
            into.add(new Change.RetireRevisions(id, job, arns));
        }
    }

    /** Turns every deletion and orphaning into a skip when a guard holds. */
    private static List<Change> guard(List<Change> prune, Collection<DesiredResource> desired,
            Collection<ObservedResource> found, PlanPolicy policy, List<String> guards) {
        List<Change> removals = prune.stream().filter(c -> c.action().mutates()).toList();
        if (removals.isEmpty()) {
            return prune;
        }
        Set<String> jobs = removals.stream().map(c -> c.job().orElse(""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean noJobsDesired = desired.stream().allMatch(d -> d.job().isEmpty());
        Set<String> madeFrom = found.stream().flatMap(o -> o.manifest().stream()).collect(Collectors.toSet());
        List<String> unknown = policy.unattributed().stream().filter(k -> !madeFrom.contains(k)).sorted().toList();
        String reason;
        if (!policy.holds().isEmpty()) {
            reason = "guard: " + String.join("; ", policy.holds()) + "; nothing pruned (an apply writes it whole again; "
                    + "the reconcile after it prunes)";
        } else if (!unknown.isEmpty()) {
            // Flux's rule: an object that cannot be read may be a moved job's manifest, whose
            // resources would otherwise look deleted.
            reason = "guard: " + String.join(", ", unknown) + " cannot be read far enough to name its job; nothing "
                    + "pruned until it is fixed (or removed)";
        } else if (noJobsDesired && !policy.allowEmpty()) {
            reason = "guard: no valid manifests but " + jobs.size() + " job(s) exist; nothing pruned"
                    + " (pass --allow-empty to jobform apply to prune them)";
        } else if (jobs.size() > policy.maxDeletions()) {
            reason = "guard: " + jobs.size() + " jobs would be pruned, more than the limit of " + policy.maxDeletions()
                    + "; nothing pruned (raise --max-deletions or JOBFORM_MAX_DELETIONS to prune them)";
        } else {
            return prune;
        }
        guards.add(reason);
        // The guard is printed once, with its override; each held-back step only points to it.
        return prune.stream()
                .map(c -> c.action().mutates() ? (Change) new Change.Skip(c.id(), c.job(), HELD_BY_GUARD) : c)
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
