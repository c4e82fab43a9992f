package io.jobform.reconcile;

import io.jobform.apply.AppliedChange;
import io.jobform.apply.ApplyReport;
import io.jobform.aws.ObjectStore;
import io.jobform.plan.Change;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.render.RenderResult;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import io.jobform.validate.ValidationReport;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps the per-job {@link AppliedFields} objects in step with what a reconcile applied and pruned. */
final class AppliedFieldRecords {
    private final ObjectStore store;
    private final String prefix;
    private final StateWrites writes;
    private final Set<String> live;

    /** @param validation this reconcile's: the jobs it names are live and keep their records */
    AppliedFieldRecords(ObjectStore store, String prefix, StateWrites writes, ValidationReport validation) {
        this.store = store;
        this.prefix = prefix;
        this.writes = writes;
        this.live = validation.jobs().stream().map(j -> j.name()).collect(Collectors.toSet());
    }

    /** Rewrites the field hashes of every job that had a create or update applied; drops pruned jobs'. */
    void record(Plan plan, ApplyReport report, RenderResult render) {
        Set<ResourceId> done = new HashSet<>();
        Set<Optional<String>> changedJobs = new HashSet<>();
        Set<String> prunedJobs = new HashSet<>();
        for (AppliedChange a : report.applied()) {
            done.add(a.change().id());
            if (a.change() instanceof Change.Create || a.change() instanceof Change.Update) {
                changedJobs.add(a.change().job());
            } else if (a.change() instanceof Change.Delete || a.change() instanceof Change.Orphan) {
                a.change().job().ifPresent(prunedJobs::add);
            }
        }
        Set<ResourceId> kept = plan.changes().stream().filter(c -> c instanceof Change.Keep).map(Change::id)
                .collect(Collectors.toSet());
        Map<Optional<String>, List<DesiredResource>> byJob = render.desired().resources().stream()
                .filter(d -> done.contains(d.id()) || kept.contains(d.id()))
                .collect(Collectors.groupingBy(DesiredResource::job));
        for (Optional<String> job : changedJobs) {
            List<DesiredResource> current = byJob.getOrDefault(job, List.of());
            writes.submit(() -> AppliedFields.write(store, prefix, job, current));
        }
        prunedJobs.stream().filter(j -> !live.contains(j)).forEach(j -> writes.submit(() -> store.delete(AppliedFields.key(prefix, Optional.of(j)))));
    }

    /**
     * A job that the inventory knew, that has no manifest, is not frozen and has no owned
     * resource left loses its applied-fields record. This also catches a record left behind
     * when a reconcile died between pruning a job and deleting the record.
     */
    void dropGoneJobs(Inventory inventory, List<ObservedResource> observed, ApplyReport report,
            Set<String> frozenJobs) {
        List<Change> pruned = report.applied().stream().map(AppliedChange::change)
                .filter(c -> c instanceof Change.Delete || c instanceof Change.Orphan).toList();
        Set<ResourceId> deleted = pruned.stream().map(Change::id).collect(Collectors.toSet());
        // Jobs pruned in this run had their record dropped by record().
        Set<String> handled = pruned.stream().flatMap(c -> c.job().stream()).collect(Collectors.toSet());
        Set<String> remaining = observed.stream().filter(o -> !deleted.contains(o.id()))
                .flatMap(o -> o.job().stream()).collect(Collectors.toSet());
        inventory.resources().values().stream().map(Inventory.ResourceEntry::job).filter(j -> !j.isEmpty())
                .distinct().filter(j -> !live.contains(j) && !frozenJobs.contains(j) && !remaining.contains(j)
                        && !handled.contains(j))
                .forEach(j -> writes.submit(() -> store.delete(AppliedFields.key(prefix, Optional.of(j)))));
    }
}
