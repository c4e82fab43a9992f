package io.jobform.lambda;

import io.jobform.apply.ApplyReport;
import io.jobform.apply.ChangeFailure;
import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.CallStats;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.aws.S3ManifestSource;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the engine's {@link Reconciler} for the Lambda: AWS clients and the bucket adapter are
 * built once (at init, before a SnapStart snapshot; the SDK resolves credentials on first use,
 * so none are in the snapshot) and shared by every invocation.
 */
final class EngineReconcileRunner implements ReconcileRunner, AutoCloseable {

    private final HandlerConfig config;
    private final AwsClients clients;
    private final ObjectStore store;
    private final Clock clock;

    EngineReconcileRunner(HandlerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        AwsTarget target = config.endpoint()
                .map(uri -> AwsTarget.endpoint(uri, config.instance().region()))
                .orElseGet(() -> AwsTarget.aws(Optional.of(config.instance().region())));
        this.clients = new AwsClients(target, new RateLimits(config.rateLimitScale()));
        this.store = new ObjectStore(clients.s3, config.scope().bucket());
    }

    @Override
    public ReconcileOutcome run(ReconcileRequest request, Instant deadline) {
        List<String> progress = new ArrayList<>();
        Reconciler reconciler = new Reconciler(config.instance(), new S3ManifestSource(store, config.scope().prefix()),
                store, clients, clock, progress::add, PropagationRetry.standard());
        // The handler already kept its safety margin: no further margin here.
        ReconcileOptions options = ReconcileOptions.defaults().withDryRun(request.planOnly())
                .withMaxDeletions(config.maxDeletions())
                .withDeadline(deadline, Duration.ZERO);
        ReconcileResult result;
        CallStats before = clients.calls();
        try {
            result = reconciler.reconcile(options);
        } catch (IOException e) {
            return ReconcileOutcome.failed("reconcile failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReconcileOutcome.failed("reconcile interrupted");
        }
        OptionalInt apiCalls = OptionalInt.of(Math.toIntExact(clients.calls().since(before).totalCalls()));
        return outcome(result, request.planOnly(), apiCalls);
    }

    private ReconcileOutcome outcome(ReconcileResult result, boolean planOnly, OptionalInt apiCalls) {
        if (result.leaseHeld().isPresent()) {
            return new ReconcileOutcome(ReconcileOutcome.Status.LEASE_HELD, Map.of(), 0, 0, apiCalls, Set.of(),
                    List.of(new ReconcileOutcome.Entry(false, Optional.empty(), Optional.empty(), result.leaseHeld().get())));
        }
        List<ReconcileOutcome.Entry> entries = new ArrayList<>();
        List<Violation> errors = result.validation().map(v -> v.violations().stream().filter(Violation::isError).toList())
                .orElse(List.of());
        errors.forEach(v -> entries.add(new ReconcileOutcome.Entry(true, Optional.empty(),
                Optional.of(v.subject()).filter(s -> !s.isEmpty()), v.format())));
        int invalidManifests = (int) errors.stream().map(v -> v.position().file()).distinct().count();

        Map<String, String> manifestOfJob = result.validation().map(v -> v.jobs().stream()
                .collect(Collectors.toMap(ScheduledJob::name, j -> config.scope().prefix() + j.manifestKey(), (a, b) -> a)))
                .orElse(Map.of());
        Plan plan = result.plan().orElse(new Plan(List.of(), List.of()));
        plan.guards().forEach(g -> entries.add(new ReconcileOutcome.Entry(true, Optional.empty(), Optional.empty(), g)));
        Map<String, Integer> changes = new TreeMap<>();
        Optional<ApplyReport> apply = result.apply();
        if (planOnly || apply.isEmpty()) {
            for (Change change : plan.mutating()) {
                changes.merge(actionName(change.action()), 1, Integer::sum);
                entries.add(entry(false, change.job(), change.id().toString(), "plan: " + change.action().word() + " " + change.id()));
            }
            return new ReconcileOutcome(ReconcileOutcome.Status.COMPLETED, changes, 0, invalidManifests,
                    apiCalls, Set.of(), entries);
        }
        ApplyReport report = apply.get();
        report.applied().forEach(a -> {
            changes.merge(actionName(a.change().action()), 1, Integer::sum);
            entries.add(entry(false, a.change().job(), a.change().id().toString(), a.change().action().word() + " " + a.change().id()));
        });
        Set<String> failedKeys = new HashSet<>();
        boolean sharedFailure = false;
        for (ChangeFailure failure : report.failures()) {
            Optional<String> job = plan.changes().stream().filter(c -> c.id().equals(failure.id())).findFirst()
                    .flatMap(Change::job);
            entries.add(entry(true, job, failure.id().toString(), failure.format()));
            if (job.isPresent() && manifestOfJob.containsKey(job.get())) {
                failedKeys.add(manifestOfJob.get(job.get()));
            } else {
                sharedFailure = true;
            }
        }
        report.deferred().forEach(c -> entries.add(entry(false, c.job(), c.id().toString(),
                "deferred to the next reconcile: " + c.action().word() + " " + c.id())));
        ReconcileOutcome.Status status = sharedFailure ? ReconcileOutcome.Status.FAILED
                : report.deferred().isEmpty() ? ReconcileOutcome.Status.COMPLETED
                : ReconcileOutcome.Status.STOPPED_AT_DEADLINE;
        return new ReconcileOutcome(status, changes, report.failures().size(), invalidManifests, apiCalls,
                failedKeys, entries);
    }

    /** Releases the HTTP client and the SDK's executors; a deployed function never needs it. */
    @Override
    public void close() {
        clients.close();
    }

    private static ReconcileOutcome.Entry entry(boolean error, Optional<String> job, String resource, String message) {
        return new ReconcileOutcome.Entry(error, job, Optional.of(resource), message);
    }

    /** {@code RETIRE_REVISIONS} -> {@code RetireRevisions}: a metric-name friendly action name. */
    static String actionName(Change.Action action) {
        StringBuilder name = new StringBuilder();
        for (String part : action.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }
}
