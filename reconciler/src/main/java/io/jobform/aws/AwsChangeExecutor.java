package io.jobform.aws;

import io.jobform.apply.ChangeExecutor;
import io.jobform.apply.StepOutcome;
import io.jobform.plan.Change;
import io.jobform.plan.ObservedResource;
import io.jobform.render.ResourceSpec;
import io.jobform.render.RoleSpec;
import io.jobform.render.ScheduleGroupSpec;
import io.jobform.render.ScheduleSpec;
import io.jobform.render.StateMachineSpec;
import io.jobform.render.TaskDefinitionSpec;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns each planned change into the calls of its service. Every path is idempotent: a rerun
 * after a crash between any two calls converges (create falls back to update, delete ignores
 * what is gone), and a resource of the same name that this instance does not own is reported,
 * never changed.
 */
public final class AwsChangeExecutor implements ChangeExecutor {
    private final String instance;
    private final TaskDefinitionClient taskDefinitions;
    private final StateMachineClient stateMachines;
    private final ScheduleClient schedules;
    private final RoleClient roles;
    private final PropagationRetry propagation;
    /**
     * Names (family = machine) of kept jobs whose manifest is back, found at the task definition
     * step. CreateStateMachine answers success for an existing machine with the same definition and
     * ignores its tags, so the machine step must know to adopt (re-tag) it; a job's steps run in order.
     */
    private final Set<String> adopting = ConcurrentHashMap.newKeySet();
    private final Set<ResourceId> foreign;

    /**
     * @param foreign what observation found under a desired name without this instance's marks:
     *                creating it is reported at once, whatever the service's create call would do
     *                with an existing name (moto's CreateStateMachine, unlike AWS's, succeeds)
     */
    public AwsChangeExecutor(String instance, AwsClients clients, PropagationRetry propagation,
            Set<ResourceId> foreign) {
        this.foreign = Set.copyOf(foreign);
        this.instance = instance;
        this.taskDefinitions = new TaskDefinitionClient(clients.ecs);
        this.stateMachines = new StateMachineClient(clients.sfn);
        this.schedules = new ScheduleClient(clients.scheduler);
        this.roles = new RoleClient(clients.iam);
        this.propagation = propagation;
    }

    @Override
    public StepOutcome execute(Change change) {
        try {
            if (change instanceof Change.Create c) {
                return foreign.contains(c.id()) ? notOwned(ownerTags(spec(c.desired()))) : put(spec(c.desired()), true);
            } else if (change instanceof Change.Update u) {
                return u.desired() instanceof TaskDefinitionSpec t && u.observed().specHash().isPresent()
                        ? updateTaskDefinition(t, u.observed()) : put(spec(u.desired()), false);
            } else if (change instanceof Change.Delete d) {
                return delete(d.observed());
            } else if (change instanceof Change.Orphan o) {
                return disown(o.observed());
            } else if (change instanceof Change.RetireRevisions r) {
                // Every ACTIVE revision but the newest (the one just registered) goes, also one
                // whose registration a crash kept out of the inventory.
                List<String> active = taskDefinitions.activeRevisions(r.id().name());
                taskDefinitions.retire(union(r.revisionArns(),
                        active.isEmpty() ? List.of() : active.subList(0, active.size() - 1)));
            }
            return StepOutcome.Done.nothing(); // Keep and Skip make no call
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return new StepOutcome.Failed((code == null || code.isEmpty() ? "" : code + ": ") + oneLine(message));
        } catch (SdkException e) {
            return new StepOutcome.Failed(oneLine(e.getMessage()));
        }
    }

    private StepOutcome put(ResourceSpec spec, boolean create) {
        if (spec instanceof ScheduleGroupSpec g) {
            // The group named after the instance is the instance's by convention; tagging it
            // (also when it already existed untagged) is what makes observation find it.
            String arn = schedules.ensureGroup(g.name(), g.tags());
            schedules.tagGroup(arn, g.tags());
            return StepOutcome.Done.of(arn);
        } else if (spec instanceof RoleSpec r) {
            if (create && !roles.create(r, instance)) {
                return notOwned(roles.tags(r.roleName()));
            } else if (!create) {
                roles.update(r);
            }
            return StepOutcome.Done.of(r.arn());
        } else if (spec instanceof TaskDefinitionSpec t) {
            if (create) {
                Optional<Map.Entry<String, Map<String, String>>> latest = taskDefinitions.latest(t.family());
                if (latest.isPresent() && !ownedOrKept(latest.get().getValue())) {
                    return notOwned(latest.get().getValue());
                }
                if (latest.isPresent() && instance.equals(latest.get().getValue().get(OwnershipTags.KEPT_BY))) {
                    adopting.add(t.family());
                }
            }
            return StepOutcome.Done.of(taskDefinitions.register(t));
        } else if (spec instanceof StateMachineSpec m) {
            boolean exists = !create
                    || propagation.call(() -> stateMachines.create(m)) == StateMachineClient.Created.EXISTS
                    || adopting.remove(m.name());
            if (exists) {
                Map<String, String> tags = create ? stateMachines.tags(m.arn()) : Map.of();
                if (create && !ownedOrKept(tags)) {
                    return notOwned(tags);
                }
                if (instance.equals(tags.get(OwnershipTags.KEPT_BY))) {
                    // A kept job's manifest is back: adopt the machine, retire its schedule's copy.
                    schedules.removeKeptCopy(instance, m.name(), m.arn());
                }
                propagation.call(() -> {
                    stateMachines.update(m);
                    return true;
                });
            }
            return StepOutcome.Done.of(m.arn());
        }
        ScheduleSpec s = (ScheduleSpec) spec;
        String arn = propagation.call(() -> create
                ? schedules.put(ScheduleRequests.create(s), ScheduleRequests.update(s))
                : schedules.update(ScheduleRequests.update(s), ScheduleRequests.create(s)));
        Optional<String> modified = schedules.get(s.groupName(), s.name()).map(l -> String.valueOf(l.lastModified()));
        return new StepOutcome.Done(Optional.of(arn), modified);
    }

    /**
     * Registers a new revision unless the family's latest ACTIVE revision is a newer one than
     * jobform recorded that already carries the desired hash: a registration whose recording a
     * crash prevented. Adopting it keeps one revision per change. Not in deep mode (no observed
     * hash), where the point is to register afresh.
     */
    private StepOutcome updateTaskDefinition(TaskDefinitionSpec t, ObservedResource observed) {
        Optional<Map.Entry<String, Map<String, String>>> latest = taskDefinitions.latest(t.family());
        if (latest.isPresent() && !latest.get().getKey().equals(observed.arn())
                && instance.equals(latest.get().getValue().get(OwnershipTags.INSTANCE))
                && t.specHash().equals(latest.get().getValue().get(OwnershipTags.SPEC_HASH))) {
            return StepOutcome.Done.of(latest.get().getKey());
        }
        return StepOutcome.Done.of(taskDefinitions.register(t));
    }

    private StepOutcome delete(ObservedResource o) {
        switch (o.id().kind()) {
            case SCHEDULE -> schedules.delete(instance, o.id().name());
            case STATE_MACHINE -> stateMachines.delete(o.arn());
            case TASK_DEFINITION -> taskDefinitions.retire(union(allRevisions(o),
                    taskDefinitions.activeRevisions(o.id().name())));
            case ROLE -> roles.delete(o.id().name());
            // Shared: a reconcile never prunes it; only jobform destroy plans its deletion.
            case SCHEDULE_GROUP -> schedules.deleteGroup(o.id().name());
        }
        return StepOutcome.Done.nothing();
    }

    private StepOutcome disown(ObservedResource o) {
        switch (o.id().kind()) {
            case SCHEDULE -> {
                if (!schedules.disown(instance, o.id().name())) {
                    return new StepOutcome.Failed("a schedule named " + o.id().name() + " exists in group "
                            + ScheduleClient.KEPT_GROUP + " and is not this job's copy; the schedule stays in group "
                            + instance + " (rename or remove the other schedule)");
                }
            }
            case STATE_MACHINE -> stateMachines.disown(o.arn(), instance);
            case TASK_DEFINITION -> taskDefinitions.disown(union(allRevisions(o),
                    taskDefinitions.activeRevisions(o.id().name())), instance);
            case ROLE -> roles.disown(o.id().name(), instance);
            case SCHEDULE_GROUP -> { }
        }
        return StepOutcome.Done.nothing();
    }

    private static List<String> allRevisions(ObservedResource o) {
        List<String> all = new ArrayList<>();
        all.add(o.arn());
        all.addAll(o.olderRevisions());
        return all;
    }

    /** This instance's, or kept by it ({@code jobform.io/prune: "false"}) and now wanted again. */
    private boolean ownedOrKept(Map<String, String> tags) {
        return instance.equals(tags.get(OwnershipTags.INSTANCE)) || instance.equals(tags.get(OwnershipTags.KEPT_BY));
    }

    private static List<String> union(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Says whose the resource is, so two instances whose generated names overlap are told so. */
    private StepOutcome notOwned(Map<String, String> tags) {
        return new StepOutcome.Failed(ForeignOwner.describe(instance, tags));
    }

    /** The tags of an existing resource with the name a create wants (read only on this failure path). */
    private Map<String, String> ownerTags(ResourceSpec spec) {
        if (spec instanceof StateMachineSpec m) {
            return stateMachines.tags(m.arn());
        } else if (spec instanceof TaskDefinitionSpec t) {
            return taskDefinitions.latest(t.family()).map(Map.Entry::getValue).orElse(Map.of());
        } else if (spec instanceof RoleSpec r) {
            return roles.tags(r.roleName());
        }
        return Map.of();
    }

    private static ResourceSpec spec(DesiredResource desired) {
        if (desired instanceof ResourceSpec spec) {
            return spec;
        }
        throw new IllegalArgumentException(desired.id() + " has no rendered spec to apply");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.replace('\n', ' ').strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
