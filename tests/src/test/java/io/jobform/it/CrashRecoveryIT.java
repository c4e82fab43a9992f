package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.emulator.hooks.Fault;
import io.jobform.reconcile.Inventory;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash at every AWS call of an apply, then reconcile afresh: the account ends exactly where an
 * uninterrupted apply ends. From a snapshot of 20 reconciled jobs, the change set of
 * {@link ChangeSet} is applied once without faults (the reference, N calls), then for each k in
 * 1..N the emulator lets calls 1..k through and fails every later call, as if the process had
 * died after call k (its clients do not retry). A fresh reconciler, started after the dead
 * holder's lease has expired, must converge: same fingerprint as the reference, a third
 * reconcile has nothing to do, and the inventory names exactly the owned resources.
 *
 * <p>A normal build crashes at every call (about a minute); {@code -Djobform.crash.points=K}
 * crashes at K call indices spread evenly over 1..N instead, always including the first and
 * the last.
 */
class CrashRecoveryIT extends OnChangeSet {
    JsonNode before;

    @BeforeEach
    void start() {
        // Foreign resources the reconciler must never touch: an untagged state machine with a
        // jobform-looking name and a role outside jobform's path.
        sandbox.clients.iam.createRole(b -> b.roleName("team-runner").path("/team/").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        sandbox.clients.sfn.createStateMachine(b -> b.name("jobform-job-99").roleArn(
                "arn:aws:iam::123456789012:role/team/team-runner").definition(
                "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}"));
        ReconcileResult initial = reconcile(sandbox.clients, Clock.systemUTC());
        assertThat(initial.apply().orElseThrow().failures()).isEmpty();
        ChangeSet.after(dir);
        before = sandbox.emulator.snapshot();
    }

    private ReconcileResult reconcile(AwsClients clients, Clock clock) {
        Reconciler reconciler = new Reconciler(Sandbox.config("jobform"), new DirectoryManifestSource(dir),
                new io.jobform.aws.ObjectStore(clients.s3, Sandbox.BUCKET), clients, clock, line -> { },
                new PropagationRetry(3, Duration.ofMillis(10), Duration.ofMillis(20)));
        try {
            return reconciler.reconcile(ReconcileOptions.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fingerprint() {
        return AwsStateFingerprint.of(sandbox.clients, sandbox.store);
    }

    @Test
    void convergesAfterACrashAtEveryCall() {
        sandbox.resetCalls();
        ReconcileResult reference = reconcile(sandbox.clients, Clock.systemUTC());
        assertThat(reference.apply().orElseThrow().failures()).isEmpty();
        long calls = sandbox.emulator.hooks().totalCalls();
        assertThat(Sandbox.changes(reference)).hasSizeGreaterThan(20);
        Map<String, String> expected = fingerprint();
        assertThat(expected).containsKeys("StateMachine/jobform-job-99", "Role/team/team-runner",
                "StateMachine/jobform-job-23").doesNotContainKey("StateMachine/jobform-job-17");

        int points = Integer.getInteger("jobform.crash.points", 0);
        List<Integer> crashes = points <= 0 || points >= calls
                ? IntStream.rangeClosed(1, (int) calls).boxed().toList()
                : IntStream.range(0, points).map(i -> 1 + (int) ((calls - 1) * i / (points - 1))).distinct().boxed().toList();
        long started = System.nanoTime();
        List<String> diverged = new ArrayList<>();
        try (AwsClients dying = new AwsClients(new AwsTarget(Optional.of(sandbox.emulator.region()),
                Optional.of(sandbox.emulator.endpoint()), 1), new RateLimits(1000))) {
            for (int k : crashes) {
                sandbox.emulator.restore(before);
                sandbox.emulator.hooks().resetCounters();
                sandbox.emulator.hooks().callListener((index, service, operation) ->
                        index > k ? Optional.of(Fault.INTERNAL_ERROR) : Optional.empty());
                try {
                    reconcile(dying, Clock.systemUTC());
                } catch (RuntimeException crashed) {
                    // The dead process: whatever it threw is gone with it.
                }
                sandbox.emulator.hooks().clearCallListener();

                // The next invocation comes after the dead holder's lease (15 minutes) expired.
                Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
                ReconcileResult recovery = reconcile(sandbox.clients, later);
                ReconcileResult again = reconcile(sandbox.clients, later);
                Map<String, String> actual = fingerprint();
                boolean ok = recovery.leaseHeld().isEmpty() && recovery.apply().orElseThrow().failures().isEmpty()
                        && again.plan().orElseThrow().mutating().isEmpty() && actual.equals(expected)
                        && inventoryMatches();
                if (!ok) {
                    diverged.add("k=" + k + ": " + difference(expected, actual) + " recovery failures="
                            + recovery.apply().map(a -> a.failures()).orElse(List.of()) + " second plan="
                            + again.plan().map(p -> p.mutating()).orElse(List.of()));
                }
            }
        }
        System.out.printf("crash convergence: 20 jobs, %d changes, %d calls in the apply, crashed at %d points "
                + "in %d s%n", Sandbox.changes(reference).size(), calls, crashes.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(diverged).as("crash points that did not converge").isEmpty();
    }

    /** The inventory lists exactly the owned resources that exist, with the ARNs they have. */
    private boolean inventoryMatches() {
        Inventory inventory = Inventory.fromJson(sandbox.store.get(StateKeys.DEFAULT.inventory()).orElseThrow().body());
        List<String> arns = inventory.resources().values().stream().map(Inventory.ResourceEntry::arn).sorted().toList();
        Map<String, String> machines = new TreeMap<>();
        sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream()
                .filter(s -> !s.name().equals("jobform-job-99"))
                .forEach(s -> machines.put(s.name(), s.stateMachineArn()));
        return arns.containsAll(machines.values()) && arns.stream().noneMatch(a -> a.contains("jobform-job-99"));
    }

    private static String difference(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> diff = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                diff.put(k, "expected " + v + " but " + actual.get(k));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> diff.put(k, "unexpected"));
        return diff.toString();
    }
}
