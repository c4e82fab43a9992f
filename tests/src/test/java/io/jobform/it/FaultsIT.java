package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.apply.ChangeFailure;
import io.jobform.aws.PropagationRetry;
import io.jobform.emulator.hooks.Fault;
import io.jobform.reconcile.ReconcileOptions;
import io.jobform.reconcile.ReconcileResult;
import io.jobform.reconcile.Reconciler;
import io.jobform.source.DirectoryManifestSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transient AWS faults (seeded throttling storms, 500s, connection resets, latency spikes, IAM
 * propagation delay) end in a converged account and a report with no failed job; a permanent
 * error is reported once, for its job only.
 */
class FaultsIT extends OnChangeSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReconcileResult reconcile() {
        Reconciler reconciler = new Reconciler(Sandbox.config("jobform"), new DirectoryManifestSource(dir),
                sandbox.store, sandbox.clients, Clock.systemUTC(), line -> { },
                // Long enough for a 3-second IAM propagation delay.
                new PropagationRetry(8, Duration.ofMillis(250), Duration.ofSeconds(2)));
        try {
            return reconciler.reconcile(ReconcileOptions.defaults());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode status(String job) throws IOException {
        return JSON.readTree(sandbox.store.get("_jobform/status/" + job + ".json").orElseThrow().body());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 1234})
    void transientFaultsConvergeWithoutFalseFailures(long seed) throws IOException {
        var hooks = sandbox.emulator.hooks();
        // Seeded: 10 % throttled, 5 % answered 500, 3 % connections reset, counted per kind.
        java.util.Random random = new java.util.Random(seed);
        java.util.Map<Fault, java.util.concurrent.atomic.AtomicInteger> injected = new java.util.concurrent.ConcurrentHashMap<>();
        hooks.callListener((index, service, operation) -> {
            double r;
            synchronized (random) {
                r = random.nextDouble();
            }
            java.util.Optional<Fault> fault = r < 0.10 ? java.util.Optional.of(Fault.THROTTLE)
                    : r < 0.15 ? java.util.Optional.of(Fault.INTERNAL_ERROR)
                    : r < 0.18 ? java.util.Optional.of(Fault.CONNECTION_RESET) : java.util.Optional.empty();
            fault.ifPresent(f -> injected.computeIfAbsent(f, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet());
            return fault;
        });
        hooks.latency("ecs:RegisterTaskDefinition", Duration.ofMillis(150));
        hooks.latency("iam:CreateRole", Duration.ofMillis(150));
        hooks.iamPropagationDelay(Duration.ofSeconds(3));

        ReconcileResult first = reconcile();
        long calls = hooks.totalCalls();
        assertThat(first.apply().orElseThrow().failures()).as("no job reported failed when a retry succeeded")
                .isEmpty();
        assertThat(first.apply().orElseThrow().complete()).isTrue();
        for (int i = 0; i < 20; i++) {
            JsonNode s = status("job-%02d".formatted(i));
            assertThat(s.path("synced").asBoolean()).as("job-%02d synced", i).isTrue();
            assertThat(s.path("errors")).isEmpty();
        }

        hooks.clearCallListener();
        hooks.clearLatency();
        ReconcileResult second = reconcile();
        assertThat(second.plan().orElseThrow().mutating()).as("converged: nothing left to do").isEmpty();
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines()).hasSize(20);
        assertThat(injected.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum())
                .as("faults were injected").isPositive();
        System.out.printf("faults seed %d: %d calls, injected %s, converged%n", seed, calls, injected);
    }

    @Test
    void aPermanentErrorIsReportedOncePerJob() throws IOException {
        // Another team's role already carries job-03's role name: no retry can fix that.
        sandbox.clients.iam.createRole(b -> b.roleName("jobform-job-03").path("/team/").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        sandbox.emulator.hooks().failRandomly("*", 0.10, 99, Fault.THROTTLE);

        ReconcileResult result = reconcile();
        List<ChangeFailure> failures = result.apply().orElseThrow().failures();
        assertThat(failures).extracting(ChangeFailure::format).containsExactly("Role/jobform-job-03: a resource "
                + "with this name exists and is not owned by instance jobform; rename the job or remove the other "
                + "resource");
        assertThat(status("job-03").path("synced").asBoolean()).isFalse();
        assertThat(status("job-03").path("errors")).hasSize(1);
        IntStream.range(0, 20).filter(i -> i != 3).forEach(i -> {
            try {
                assertThat(status("job-%02d".formatted(i)).path("synced").asBoolean()).isTrue();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // The other team's role is as it was: no jobform tags, no policies.
        assertThat(sandbox.clients.iam.getRole(b -> b.roleName("jobform-job-03")).role().tags()).isEmpty();
        assertThat(sandbox.clients.iam.listRolePolicies(b -> b.roleName("jobform-job-03")).policyNames()).isEmpty();
    }
}
