package io.jobform.aws;

import io.jobform.plan.LastApplied;
import io.jobform.plan.ObservedResource;
import io.jobform.reconcile.Inventory;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Observes everything the instance owns from the services' own listings, a constant number of
 * calls per page: GetScheduleGroup, ListStateMachines, ListTaskDefinitionFamilies, ListSchedules
 * in the group, ListRoles under the path. Existence never comes from the Resource Groups Tagging
 * index, which keeps deleted resources and misses new ones for minutes or longer.
 *
 * <p>Ownership and spec hashes come from the inventory (what jobform applied, with its hash). A
 * listed resource the inventory does not know (created before a crash prevented the inventory
 * write, or somebody else's with a matching name) costs one direct read of its tags; one without
 * this instance's tag is remembered as foreign and not read again while it stays listed.
 */
public final class ResourceObserver {
    private final ServiceListings services;
    private final String instance;
    private final Map<ResourceId, String> lastModified = new ConcurrentHashMap<>();
    private final Map<ResourceId, String> foreign = new ConcurrentHashMap<>();

    public ResourceObserver(ServiceListings services, String instance) {
        this.services = services;
        this.instance = instance;
    }

    public static String rolePath(String instance) {
        return "/jobform/" + instance + "/";
    }

    /** Each observed schedule's last-modified time, recorded in the inventory to skip GetSchedule next time. */
    public Map<ResourceId, String> lastModified() {
        return Map.copyOf(lastModified);
    }

    /** Listed resources verified not to be this instance's, {@code Kind/name} to ARN: not read again. */
    public Map<ResourceId, String> foreign() {
        return Map.copyOf(foreign);
    }

    public List<ObservedResource> observe(Inventory inventory) {
        List<ObservedResource> observed = new ArrayList<>();
        Optional<String> group = services.schedules().group(instance);
        group.flatMap(arn -> listed(new ResourceId(ResourceKind.SCHEDULE_GROUP, instance), arn,
                inventory, () -> services.schedules().groupTagsIfExists(arn))).ifPresent(observed::add);
        services.stateMachines().list(instance + "-").forEach((name, arn) ->
                listed(new ResourceId(ResourceKind.STATE_MACHINE, name), arn, inventory,
                        () -> services.stateMachines().tagsIfExists(arn)).ifPresent(observed::add));
        for (String family : services.taskDefinitions().families(instance + "-")) {
            observeFamily(new ResourceId(ResourceKind.TASK_DEFINITION, family), inventory).ifPresent(observed::add);
        }
        if (group.isPresent()) {
            observeSchedules(inventory, observed);
        }
        for (RoleListing role : services.roles().list(rolePath(instance))) {
            listed(new ResourceId(ResourceKind.ROLE, role.name()), role.arn(), inventory,
                    () -> services.roles().tagsIfExists(role.name())).ifPresent(observed::add);
        }
        return observed;
    }

    /**
     * A family's current revision is the one jobform recorded. A family the inventory does not
     * know costs one DescribeTaskDefinition (latest ACTIVE revision with its tags); a family with
     * no ACTIVE revision left (deleted since it was listed) is not observed.
     */
    private Optional<ObservedResource> observeFamily(ResourceId id, Inventory inventory) {
        Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
        if (entry != null && !entry.arn().isEmpty()) {
            return Optional.of(fromInventory(id, entry.arn(), Optional.of(entry.specHash()), entry));
        }
        if (inventory.foreign().containsKey(id.toString())) {
            foreign.put(id, inventory.foreign().getOrDefault(id.toString(), ""));
            return Optional.of(notOwned(id, inventory.foreign().getOrDefault(id.toString(), "")));
        }
        return services.taskDefinitions().latest(id.name())
                .flatMap(latest -> verified(id, latest.getKey(), latest.getValue()));
    }

    private void observeSchedules(Inventory inventory, List<ObservedResource> into) {
        for (ScheduleListing listing : services.schedules().list(instance)) {
            ResourceId id = new ResourceId(ResourceKind.SCHEDULE, listing.name());
            Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
            // ListSchedules has no Description; the last-modified time stands in for it. A schedule
            // modified since jobform applied it (by hand, or with no inventory entry after a crash)
            // gets no hash, so the planner re-applies the full spec: console edits are repaired.
            // Schedules are owned through the instance's group (Scheduler cannot tag a schedule).
            Optional<String> hash = entry != null && entry.modified().equals(String.valueOf(listing.lastModified()))
                    ? Optional.of(entry.specHash()) : Optional.empty();
            lastModified.put(id, String.valueOf(listing.lastModified()));
            into.add(fromInventory(id, listing.arn(), hash, entry));
        }
    }

    /**
     * A resource the service listed: known to the inventory, or verified by one read of its tags;
     * empty when that read finds it gone (a listing can trail a delete) or kept by this instance.
     * The schedule group is the instance's by its name, so it counts as owned even untagged (the
     * update then tags it).
     */
    private Optional<ObservedResource> listed(ResourceId id, String arn, Inventory inventory,
            Supplier<Optional<Map<String, String>>> tags) {
        Inventory.ResourceEntry entry = inventory.resources().get(id.toString());
        if (entry != null) {
            return Optional.of(fromInventory(id, arn, Optional.of(entry.specHash()), entry));
        }
        if (arn.equals(inventory.foreign().get(id.toString()))) {
            foreign.put(id, arn);
            return Optional.of(notOwned(id, arn));
        }
        return tags.get().flatMap(read -> {
            if (id.kind() == ResourceKind.SCHEDULE_GROUP && !instance.equals(read.get(OwnershipTags.INSTANCE))) {
                return Optional.of(new ObservedResource(id, arn, Optional.empty(), true, Optional.empty(),
                        Optional.empty(), true, List.of(), LastApplied.NONE));
            }
            return verified(id, arn, read);
        });
    }

    /**
     * What one read of an unknown resource's tags says. This is also the path by which the keep
     * decision survives an inventory written over by another instance or an old version: a kept
     * job's resources carry {@code jobform.io/prune: "false"}, so they are observed as not
     * prunable. A resource orphaned by this instance ({@code jobform.io/kept-by}, no instance
     * tag) is not observed at all: not this instance's to change or prune, yet not foreign
     * either, because restoring its manifest adopts it. It is read again on every reconcile
     * while it stays listed.
     */
    private Optional<ObservedResource> verified(ResourceId id, String arn, Map<String, String> tags) {
        if (!instance.equals(tags.get(OwnershipTags.INSTANCE))) {
            if (instance.equals(tags.get(OwnershipTags.KEPT_BY))) {
                return Optional.empty();
            }
            foreign.put(id, arn);
            return Optional.of(notOwned(id, arn));
        }
        return Optional.of(new ObservedResource(id, arn, Optional.ofNullable(tags.get(OwnershipTags.SPEC_HASH)), true,
                jobOf(id.name(), Optional.ofNullable(tags.get(OwnershipTags.JOB))),
                Optional.ofNullable(tags.get(OwnershipTags.MANIFEST)),
                !"false".equals(tags.get(OwnershipTags.PRUNE)), List.of(), LastApplied.NONE));
    }

    /** Somebody else's resource with a name like ours: the planner never changes it. */
    private static ObservedResource notOwned(ResourceId id, String arn) {
        return new ObservedResource(id, arn, Optional.empty(), false, Optional.empty(), Optional.empty(), false,
                List.of(), LastApplied.NONE);
    }

    private ObservedResource fromInventory(ResourceId id, String arn, Optional<String> hash,
            Inventory.ResourceEntry entry) {
        Optional<String> job = entry != null && !entry.job().isEmpty() ? Optional.of(entry.job()) : Optional.empty();
        return new ObservedResource(id, arn, hash, true, jobOf(id.name(), job),
                entry == null || entry.manifest().isEmpty() ? Optional.empty() : Optional.of(entry.manifest()),
                entry == null || entry.prunable(), List.of(), LastApplied.NONE);
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
}
