package io.jobform.aws;

import io.jobform.plan.ObservedResource;
import io.jobform.reconcile.Inventory;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Observes everything the instance owns with a constant number of calls per page:
 * GetResources (task definitions, state machines, schedule group), ListSchedules in the group,
 * ListRoles under the path. Only resources that changed behind jobform's back cost one more
 * call (a role the inventory does not know); a schedule modified since the last apply is re-applied.
 */
public final class ResourceObserver {
    private final OwnedResourceFinder finder;
    private final ScheduleClient schedules;
    private final RoleClient roles;
    private final String instance;
    private final Map<ResourceId, String> lastModified = new java.util.concurrent.ConcurrentHashMap<>();

    public ResourceObserver(OwnedResourceFinder finder, ScheduleClient schedules, RoleClient roles, String instance) {
        this.finder = finder;
        this.schedules = schedules;
        this.roles = roles;
        this.instance = instance;
    }

    public static String rolePath(String instance) {
        return "/jobform/" + instance + "/";
    }

    /** Each observed schedule's last-modified time, recorded in the inventory to skip GetSchedule next time. */
    public Map<ResourceId, String> lastModified() {
        return Map.copyOf(lastModified);
    }

    public List<ObservedResource> observe(Inventory inventory) {
        List<ObservedResource> observed = new ArrayList<>();
        Map<String, List<TaskDefinitionArn>> families = new TreeMap<>();
        for (TaggedArn tagged : finder.owned(instance)) {
            if (tagged.arn().contains(":task-definition/")) {
                TaskDefinitionArn td = TaskDefinitionArn.parse(tagged);
                families.computeIfAbsent(td.family(), f -> new ArrayList<>()).add(td);
            } else if (tagged.arn().contains(":stateMachine:")) {
                String name = tagged.arn().substring(tagged.arn().lastIndexOf(':') + 1);
                observed.add(tagged(new ResourceId(ResourceKind.STATE_MACHINE, name), tagged, List.of(), inventory));
            } else if (tagged.arn().contains(":schedule-group/")) {
                String name = tagged.arn().substring(tagged.arn().lastIndexOf('/') + 1);
                observed.add(tagged(new ResourceId(ResourceKind.SCHEDULE_GROUP, name), tagged, List.of(), inventory));
            }
        }
        families.forEach((family, revisions) -> {
            revisions.sort(Comparator.comparingInt(TaskDefinitionArn::revision).reversed());
            List<String> older = revisions.subList(1, revisions.size()).stream().map(r -> r.tagged().arn()).toList();
            observed.add(tagged(new ResourceId(ResourceKind.TASK_DEFINITION, family), revisions.get(0).tagged(), older,
                    inventory));
        });
        observeSchedules(inventory, observed);
        observeRoles(inventory, observed);
        return observed;
    }

    private void observeSchedules(Inventory inventory, List<ObservedResource> into) {
        for (ScheduleListing listing : schedules.list(instance)) {
            ResourceId id = new ResourceId(ResourceKind.SCHEDULE, listing.name());
            Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
            // ListSchedules has no Description; the last-modified time stands in for it. A schedule
            // modified since jobform applied it (by hand, or with no inventory entry after a crash)
            // gets no hash, so the planner re-applies the full spec: console edits are repaired.
            Optional<String> hash = entry != null && entry.modified().equals(String.valueOf(listing.lastModified()))
                    ? Optional.of(entry.specHash()) : Optional.empty();
            lastModified.put(id, String.valueOf(listing.lastModified()));
            into.add(fromInventory(id, listing.arn(), hash, entry));
        }
    }

    private void observeRoles(Inventory inventory, List<ObservedResource> into) {
        for (RoleListing role : roles.list(rolePath(instance))) {
            ResourceId id = new ResourceId(ResourceKind.ROLE, role.name());
            Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
            if (entry != null) {
                into.add(fromInventory(id, role.arn(), Optional.of(entry.specHash()), entry));
                continue;
            }
            // Created but not recorded (a crash before the inventory write): adopt it only when
            // its tags say it is ours; anything else under the path is left alone.
            Map<String, String> tags = roles.tags(role.name());
            boolean owned = instance.equals(tags.get(OwnershipTags.INSTANCE));
            into.add(new ObservedResource(id, role.arn(), Optional.ofNullable(tags.get(OwnershipTags.SPEC_HASH)), owned,
                    jobOf(role.name(), Optional.ofNullable(tags.get(OwnershipTags.JOB))),
                    Optional.ofNullable(tags.get(OwnershipTags.MANIFEST)),
                    !"false".equals(tags.get(OwnershipTags.PRUNE)), List.of(), Map.of()));
        }
    }

    private ObservedResource tagged(ResourceId id, TaggedArn tagged, List<String> older, Inventory inventory) {
        Map<String, String> tags = tagged.tags();
        Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
        return new ObservedResource(id, tagged.arn(), Optional.ofNullable(tags.get(OwnershipTags.SPEC_HASH)), true,
                jobOf(id.name(), Optional.ofNullable(tags.get(OwnershipTags.JOB))),
                Optional.ofNullable(tags.get(OwnershipTags.MANIFEST)),
                !"false".equals(tags.get(OwnershipTags.PRUNE)) && (entry == null || entry.prunable()), older, Map.of());
    }

    private ObservedResource fromInventory(ResourceId id, String arn, Optional<String> hash,
            Inventory.ResourceEntry entry) {
        Optional<String> job = entry != null && !entry.job().isEmpty() ? Optional.of(entry.job()) : Optional.empty();
        return new ObservedResource(id, arn, hash, true, jobOf(id.name(), job),
                entry == null || entry.manifest().isEmpty() ? Optional.empty() : Optional.of(entry.manifest()),
                entry == null || entry.prunable(), List.of(), Map.of());
    }

    /** The job a resource belongs to: its tag, else its name without the instance prefix. */
    private Optional<String> jobOf(String name, Optional<String> tagged) {
        if (tagged.isPresent()) {
            return tagged.filter(j -> !j.isEmpty());
        }
        String prefix = instance + "-";
        if (name.equals(instance) || !name.startsWith(prefix)) {
            return Optional.empty();
        }
        String job = name.substring(prefix.length());
        return SHARED_ROLE_SUFFIXES.contains(job) ? Optional.empty() : Optional.of(job);
    }

    /** The shared roles' names end in these; validation reserves them as job names. */
    public static final Set<String> SHARED_ROLE_SUFFIXES = Set.of("scheduler", "states", "execution");

    record TaskDefinitionArn(String family, int revision, TaggedArn tagged) {
        static TaskDefinitionArn parse(TaggedArn tagged) {
            String tail = tagged.arn().substring(tagged.arn().indexOf(":task-definition/") + ":task-definition/".length());
            int colon = tail.lastIndexOf(':');
            return new TaskDefinitionArn(tail.substring(0, colon), Integer.parseInt(tail.substring(colon + 1)), tagged);
        }
    }
}
