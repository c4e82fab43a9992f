package io.jobform.reconcile;

import io.jobform.apply.AppliedChange;
import io.jobform.apply.ApplyReport;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.plan.Change;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import io.jobform.source.ManifestListing;
import io.jobform.validate.ValidationReport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inventory after a reconcile, computed from what was planned and what the apply achieved.
 * A resource whose change failed or was deferred keeps its old entry, so the next reconcile
 * sees the same difference and tries again.
 */
final class InventoryUpdate {
    private InventoryUpdate() {}

    static Inventory next(Inventory old, Plan plan, ApplyReport report, List<ScheduledJob> jobs,
            Map<ResourceId, String> observedModified, Map<ResourceId, String> foreign,
            ManifestReader.ManifestSet manifests,
            ValidationReport validation, boolean remote) {
        Map<String, ScheduledJob> byName = new HashMap<>();
        jobs.forEach(j -> byName.put(j.name(), j));
        Map<ResourceId, AppliedChange> applied = new HashMap<>();
        // A retirement shares its task definition's id and says nothing about its entry.
        report.applied().stream().filter(a -> !(a.change() instanceof Change.RetireRevisions))
                .forEach(a -> applied.put(a.change().id(), a));

        Map<String, Inventory.ResourceEntry> resources = new TreeMap<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.RetireRevisions) {
                continue;
            }
            String key = change.id().toString();
            Inventory.ResourceEntry previous = old.resources().get(key);
            AppliedChange done = applied.get(change.id());
            if (change instanceof Change.Keep keep) {
                // A kept resource's hash equals the observed one: no need to hash its request again.
                resources.put(key, entry(keep.desired(), keep.observed().specHash(), keep.observed().arn(), byName,
                        Optional.ofNullable(observedModified.get(change.id()))
                                .or(() -> Optional.ofNullable(previous).map(Inventory.ResourceEntry::modified))));
            } else if ((change instanceof Change.Create || change instanceof Change.Update) && done != null) {
                DesiredResource desired = change instanceof Change.Create c ? c.desired() : ((Change.Update) change).desired();
                String arn = done.outcome().arn().orElse(previous == null ? "" : previous.arn());
                resources.put(key, entry(desired, Optional.empty(), arn, byName, done.outcome().modified()));
            } else if (change instanceof Change.Orphan && done != null) {
                // No longer ours, but kept by this instance (jobform.io/kept-by), not foreign:
                // restoring its manifest adopts it, so observation reads its tags again.
                continue;
            } else if (change instanceof Change.Delete && done != null) {
                continue; // gone
            } else if (previous != null) {
                resources.put(key, previous);
            } else if (change instanceof Change.Delete d) {
                resources.put(key, fromObserved(d.observed()));
            } else if (change instanceof Change.Orphan o) {
                resources.put(key, fromObserved(o.observed()));
            }
        }

        Map<String, Inventory.ManifestEntry> entries = new TreeMap<>();
        Map<String, String> jobByKey = new HashMap<>();
        jobs.forEach(j -> jobByKey.put(j.manifestKey(), j.name()));
        Map<String, byte[]> content = new HashMap<>();
        // A file too large to read has no content to cache.
        manifests.files().stream().filter(f -> f.size() == f.content().length)
                .forEach((ManifestFile f) -> content.put(f.key(), f.content()));
        Set<String> invalidFiles = new HashSet<>();
        validation.violations().stream().filter(Violation::isError).forEach(v -> invalidFiles.add(v.position().file()));
        for (ManifestListing m : manifests.listing()) {
            boolean valid = !invalidFiles.contains(m.key());
            String cached = remote ? Optional.ofNullable(content.get(m.key()))
                    .flatMap(ManifestReader::cacheable).orElse(null) : null;
            // An invalid file keeps the job it last held: unreadable later, it is still that job's,
            // not a JobDefaults whose loss would freeze every job.
            String job = Optional.ofNullable(jobByKey.get(m.key())).or(() -> Optional.ofNullable(old.manifests()
                    .get(m.key())).filter(e -> !valid).map(Inventory.ManifestEntry::job)).orElse("");
            entries.put(m.key(), new Inventory.ManifestEntry(m.etag(), job, valid, cached));
        }
        Map<String, String> stillForeign = new TreeMap<>();
        foreign.forEach((id, arn) -> {
            if (!resources.containsKey(id.toString())) {
                stillForeign.put(id.toString(), arn);
            }
        });
        return new Inventory(Inventory.VERSION, "", entries, resources, old.statusDigests(), Map.of(), stillForeign);
    }

    private static Inventory.ResourceEntry entry(DesiredResource desired, Optional<String> knownHash, String arn,
            Map<String, ScheduledJob> jobs, Optional<String> modified) {
        Optional<ScheduledJob> job = desired.job().map(jobs::get);
        return new Inventory.ResourceEntry(arn, knownHash.orElseGet(desired::specHash), desired.job().orElse(""),
                job.map(ScheduledJob::manifestKey)
                        .orElseGet(() -> desired.tags().getOrDefault(OwnershipTags.MANIFEST, "")),
                job.map(ScheduledJob::prunable).orElse(true), modified.orElse(""));
    }

    private static Inventory.ResourceEntry fromObserved(ObservedResource o) {
        return new Inventory.ResourceEntry(o.arn(), o.specHash().orElse(""), o.job().orElse(""),
                o.manifest().orElse(""), o.prunable(), "");
    }
}
