package io.jobform.reconcile;

import io.jobform.apply.Applier;
import io.jobform.apply.ApplyReport;
import io.jobform.aws.AwsChangeExecutor;
import io.jobform.aws.AwsClients;
import io.jobform.aws.LiveSpecReader;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.ResourceObserver;
import io.jobform.aws.S3ManifestSource;
import io.jobform.aws.ServiceListings;
import io.jobform.aws.StoredObject;
import io.jobform.config.InstanceConfig;
import io.jobform.config.StateKeys;
import io.jobform.manifest.Violation;
import io.jobform.plan.Change;
import io.jobform.plan.ObservedResource;
import io.jobform.plan.Plan;
import io.jobform.plan.PlanPolicy;
import io.jobform.plan.LastApplied;
import io.jobform.plan.Planner;
import io.jobform.render.JobGrants;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.source.ManifestSource;
import io.jobform.validate.OwnBucket;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one reconcile use case the CLI and the Lambda handler share:
 * source → validate → render → observe → plan → apply → status.
 */
public final class Reconciler {
    private final InstanceConfig config;
    private final ManifestSource source;
    private final ObjectStore store;
    private final StateKeys keys;
    private final AwsClients clients;
    private final Clock clock;
    private final Consumer<String> progress;
    private final PropagationRetry propagation;

    public Reconciler(InstanceConfig config, ManifestSource source, ObjectStore store, AwsClients clients, Clock clock,
            Consumer<String> progress, PropagationRetry propagation) {
        this.config = config;
        this.keys = StateKeys.of(config.instance());
        this.source = source;
        this.store = store;
        this.clients = clients;
        this.clock = clock;
        this.progress = progress;
        this.propagation = propagation;
    }

    public ReconcileResult reconcile(ReconcileOptions options) throws IOException, InterruptedException {
        if (options.dryRun()) {
            return run(options, progress);
        }
        Duration leaseFor = options.leaseDuration().orElse(Lease.DEFAULT_DURATION);
        Lease.Result lease = Lease.acquire(store, keys.lease(), clock, holder(), leaseFor, options.leaseWait(), Duration.ofSeconds(1));
        if (lease.lease().isEmpty()) {
            String message = lease.held().map(Lease.Held::message).orElse("the lease is held");
            progress.accept(message);
            return ReconcileResult.leaseHeld(message);
        }
        // Renewed by a heartbeat while the work runs, released at the end and on SIGINT/SIGTERM.
        try (LeaseHold held = new LeaseHold(lease.lease().get(), progress)) {
            return run(options, progress);
        }
    }

    private ReconcileResult run(ReconcileOptions options, Consumer<String> progress) throws IOException {
        Optional<StoredObject> stored = store.get(keys.inventory());
        Optional<StoredObject> legacy = stored.isPresent() ? Optional.empty()
                : LegacyInventory.adoptable(store, config.instance());
        legacy.ifPresent(o -> progress.accept("taking over " + o.key() + ", written by an earlier version for this "
                + "instance; from now on its inventory is " + keys.inventory()));
        InventoryReader.Read read = stored.or(() -> legacy).map(o -> InventoryReader.read(o.body(), o.key()))
                .orElse(new InventoryReader.Read(Inventory.empty(), Optional.empty()));
        read.problem().ifPresent(p -> progress.accept("warning: " + p + "; owned resources are still found by the "
                + "services' listings and their tags, but nothing is pruned this time"));
        Inventory inventory = read.inventory();
        ResourceObserver observer = new ResourceObserver(ServiceListings.of(clients), config.instance());
        try (BackgroundObservation observation = new BackgroundObservation(observer, inventory)) {
            return run(options, progress, stored, inventory, read.problem().map(p -> p + " (entries dropped)"),
                    observer, observation);
        }
    }

    private ReconcileResult run(ReconcileOptions options, Consumer<String> progress, Optional<StoredObject> stored,
            Inventory inventory, Optional<String> inventoryProblem, ResourceObserver observer,
            BackgroundObservation observation) throws IOException {
        ManifestReader.ManifestSet manifests = ManifestReader.read(source, inventory);
        Set<String> jobManifests = inventory.manifests().entrySet().stream()
                .filter(e -> !e.getValue().job().isEmpty()).map(Map.Entry::getKey).collect(Collectors.toSet());
        ValidationReport validation = new Validator().protecting(ownBuckets()).validate(manifests.files(),
                config.instance(), clock.instant(), java.util.function.UnaryOperator.identity(), jobManifests);
        Set<String> validNames = validation.jobs().stream().map(j -> j.name()).collect(Collectors.toSet());
        Map<String, JobGrants> retained = new HashMap<>(inventory.grants());
        retained.keySet().removeAll(validNames);
        RenderResult render = Renderer.render(validation.jobs(), config, retained);

        Set<String> frozenJobs = new HashSet<>(validation.invalidJobNames());
        frozenJobs.addAll(render.failedJobs());
        Set<String> frozenManifests = validation.violations().stream().filter(Violation::isError)
                .map(v -> v.position().file()).collect(Collectors.toSet());
        Set<String> granted = new HashSet<>(validNames);
        granted.addAll(retained.keySet());
        PlanPolicy policy = new PlanPolicy(options.allowEmpty(), options.maxDeletions(), frozenJobs, frozenManifests,
                validation.unattributed(), inventoryProblem.stream().toList(), granted);

        List<ObservedResource> observed = observation.join();
        if (options.deep()) {
            // Read every owned resource live and compare it field by field: only what differs is updated.
            LiveSpecReader reader = new LiveSpecReader(clients, config.instance());
            observed = LiveComparison.compare(render.desired().resources(), observed,
                    o -> reader.read(o.id(), o.arn()));
        }
        Planner planner = new Planner(SpecValues::fields);
        Plan plan = planner.plan(render.desired().resources(), observed, policy);
        Set<String> deleted = GrantRetention.deletedJobs(plan);
        if (retained.keySet().removeAll(deleted)) {
            // Jobs this plan deletes outright need nothing more: the shared roles may narrow now.
            render = Renderer.render(validation.jobs(), config, retained);
            plan = planner.plan(render.desired().resources(), observed, policy);
        }
        Set<Optional<String>> worthReading = AppliedFields.worthReading(plan);
        if (!worthReading.isEmpty() && !options.deep()) {
            // Show changed fields before and after, and tell renames: read what was applied, for those jobs only.
            Map<String, LastApplied> applied = new HashMap<>();
            worthReading.forEach(job -> applied.putAll(AppliedFields.load(store, keys.appliedPrefix(), job)));
            observed = observed.stream().map(o -> applied.containsKey(o.id().toString())
                    ? o.withLastApplied(applied.get(o.id().toString())) : o).toList();
            plan = planner.plan(render.desired().resources(), observed, policy);
        }
        if (options.dryRun()) {
            return new ReconcileResult(Optional.empty(), Optional.of(validation), Optional.of(render), Optional.of(plan),
                    Optional.empty(), manifests.listing().size(), manifests.fetched());
        }

        ApplyReport report = plan.hasChanges()
                ? new Applier(new AwsChangeExecutor(config.instance(), clients, propagation,
                        observed.stream().filter(o -> !o.owned()).map(ObservedResource::id).collect(Collectors.toSet())), options.workers(), clock,
                        options.deadline(), options.margin(), progress).apply(plan)
                : ApplyReport.empty();

        Inventory next = InventoryUpdate.next(inventory, plan, report, validation.jobs(), observer.lastModified(),
                observer.foreign(), manifests, validation, source.remote())
                .withGrants(GrantRetention.next(inventory.grants(), render.grants(), plan, report));
        try (StateWrites writes = new StateWrites()) {
            AppliedFieldRecords records = new AppliedFieldRecords(store, keys.appliedPrefix(), writes, validation);
            records.record(plan, report, render);
            records.dropGoneJobs(inventory, observed, report, frozenJobs);
            StatusWriter status = new StatusWriter(store, writes, clients.region(), config.instance());
            next = next.withStatusDigests(status.write(validation, validation.jobs(), frozenJobs, plan, report, next,
                    clock.instant()));
            writes.finish();
        }
        byte[] json = next.toJson();
        if (stored.isEmpty() || !Arrays.equals(stored.get().body(), json)) {
            Map<String, String> times = ScheduleTimes.of(next);
            if (stored.isEmpty() || inventory.version() < Inventory.VERSION || !times.equals(ScheduleTimes.of(inventory))) {
                store.put(keys.scheduleTimes(), ScheduleTimes.toJson(times));
            }
            store.put(keys.inventory(), json);
        }
        return new ReconcileResult(Optional.empty(), Optional.of(validation), Optional.of(render), Optional.of(plan),
                Optional.of(report), manifests.listing().size(), manifests.fetched());
    }

    /**
     * Jobs may only read where this reconciler keeps its state (the whole bucket) and its
     * manifests (their prefix in the source bucket).
     */
    private List<OwnBucket> ownBuckets() {
        List<OwnBucket> buckets = new ArrayList<>(List.of(new OwnBucket(config.partition(), store.bucket(), "")));
        if (source instanceof S3ManifestSource s3) {
            buckets.add(new OwnBucket(config.partition(), s3.bucket(), s3.prefix()));
        }
        return buckets;
    }

    private static String holder() {
        String host = Optional.ofNullable(System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"))
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).orElse("local");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
