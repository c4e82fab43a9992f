package io.jobform.reconcile;

import io.jobform.apply.StepOutcome;
import io.jobform.aws.AwsChangeExecutor;
import io.jobform.aws.AwsClients;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.ResourceObserver;
import io.jobform.aws.ScheduleClient;
import io.jobform.aws.ScheduleListing;
import io.jobform.aws.StoredObject;
import io.jobform.aws.ServiceListings;
import io.jobform.aws.StateMachineClient;
import io.jobform.config.InstanceConfig;
import io.jobform.config.StateKeys;
import io.jobform.plan.Change;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.plan.TeardownPlanner;
import io.jobform.render.Names;
import io.jobform.source.ManifestListing;
import io.jobform.source.ManifestSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code jobform destroy}: observes everything the instance owns and deletes it, shared roles
 * and schedule group included, so that the stack (whose permissions boundary those roles carry)
 * can be deleted afterwards. Planning is separate from running so the CLI can show the plan and
 * ask before anything changes; running re-plans under the lease, so it deletes only what is
 * still owned and the guards still hold at that moment.
 */
public final class Teardown {

    /** The group Scheduler creates in every account; kept copies of jobs live there. */
    static final String DEFAULT_GROUP = "default";

    private final InstanceConfig config;
    private final ManifestSource source;
    private final ObjectStore store;
    private final StateKeys keys;
    private final AwsClients clients;
    private final Clock clock;
    private final Consumer<String> progress;

    public Teardown(InstanceConfig config, ManifestSource source, ObjectStore store, AwsClients clients, Clock clock,
            Consumer<String> progress) {
        this.config = config;
        this.keys = StateKeys.of(config.instance());
        this.source = source;
        this.store = store;
        this.clients = clients;
        this.clock = clock;
        this.progress = progress;
    }

    /** @param failures the steps that failed, as {@code Kind/name: reason} */
    public record Result(Plan plan, List<String> deleted, List<String> failures, java.util.Optional<String> leaseHeld) {}

    public Plan plan() throws IOException {
        ScheduleClient schedules = new ScheduleClient(clients.scheduler);
        ResourceObserver observer = new ResourceObserver(ServiceListings.of(clients), config.instance());
        List<String> manifests = source.list().stream().map(ManifestListing::key).toList();
        // The inventory records which jobs asked not to be pruned; without it that is unknown.
        java.util.Optional<Inventory> inventory = store.get(keys.inventory()).map(o -> Inventory.fromJson(o.body()));
        List<ObservedResource> observed = observer.observe(inventory.orElse(Inventory.empty()));
        List<String> kept = new ArrayList<>(keptSchedules(schedules));
        kept.addAll(keptStateMachines(observed));
        Plan plan = TeardownPlanner.plan(observed, manifests, source.describe(), kept);
        if (inventory.isEmpty() && observed.stream().anyMatch(o -> o.owned() && o.job().isPresent())) {
            String guard = "guard: no inventory in the bucket: which jobs asked not to be pruned is unknown; run "
                    + "jobform apply first; nothing deleted";
            List<String> guards = new ArrayList<>(plan.guards());
            guards.add(guard);
            return new Plan(plan.changes().stream().map(c -> c.action().mutates()
                    ? (Change) new Change.Skip(c.id(), c.job(), guard) : c).toList(), guards);
        }
        return plan;
    }

    /** State machines named like the instance's, no longer owned, that run with one of its roles. */
    private List<String> keptStateMachines(List<ObservedResource> observed) {
        String roles = new Names(config).roleArn("");
        java.util.Set<String> owned = new java.util.HashSet<>();
        observed.stream().filter(ObservedResource::owned).forEach(o -> owned.add(o.arn()));
        List<String> kept = new ArrayList<>();
        new StateMachineClient(clients.sfn).rolesByArn(config.instance() + "-").forEach((arn, role) -> {
            if (!owned.contains(arn) && role.startsWith(roles)) {
                kept.add("StateMachine/" + arn.substring(arn.lastIndexOf(':') + 1));
            }
        });
        return kept;
    }

    /** Schedules in group default whose target runs with one of this instance's roles. */
    private List<String> keptSchedules(ScheduleClient schedules) {
        String roles = new Names(config).roleArn("");
        List<String> kept = new ArrayList<>();
        for (ScheduleListing s : schedules.list(DEFAULT_GROUP)) {
            if (schedules.targetRoleArn(DEFAULT_GROUP, s.name()).filter(r -> r.startsWith(roles)).isPresent()) {
                kept.add("Schedule/" + DEFAULT_GROUP + "/" + s.name());
            }
        }
        return kept;
    }

    /**
     * The grants the inventory retained for jobs without a valid manifest (kept, frozen, held
     * back): destroy ran without a guard, so no manifest remains and no kept resource uses the
     * instance's roles; left in place, they would widen the shared roles of a later first job.
     */
    private void forgetGrants() throws IOException {
        java.util.Optional<StoredObject> stored = store.get(keys.inventory());
        if (stored.isPresent()) {
            Inventory inventory = Inventory.fromJson(stored.get().body());
            if (!inventory.grants().isEmpty()) {
                store.put(keys.inventory(), inventory.withGrants(java.util.Map.of()).toJson());
            }
        }
    }

    /** Deletes, in plan order, under the instance's lease; stops at nothing but reports every failure. */
    public Result run() throws IOException, InterruptedException {
        Lease.Result lease = Lease.acquire(store, keys.lease(), clock, "destroy/" + ProcessHandle.current().pid(),
                Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofSeconds(1));
        if (lease.lease().isEmpty()) {
            String message = lease.held().map(Lease.Held::message).orElse("the lease is held");
            return new Result(new Plan(List.of(), List.of()), List.of(), List.of(), java.util.Optional.of(message));
        }
        try {
            Plan plan = plan();
            List<String> deleted = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            AwsChangeExecutor executor = new AwsChangeExecutor(config.instance(), clients, PropagationRetry.standard(),
                    java.util.Set.of());
            for (Change step : plan.mutating()) {
                StepOutcome outcome = executor.execute(step);
                if (outcome instanceof StepOutcome.Failed f) {
                    failures.add(step.id() + ": " + f.reason());
                    progress.accept("error: " + step.id() + ": " + f.reason());
                } else {
                    deleted.add(step.id().toString());
                    progress.accept("- " + step.id() + " deleted");
                    lease.lease().get().renewIfDue();
                }
            }
            if (plan.guards().isEmpty() && failures.isEmpty()) {
                forgetGrants();
            }
            return new Result(plan, deleted, failures, java.util.Optional.empty());
        } finally {
            lease.lease().get().release();
        }
    }
}
