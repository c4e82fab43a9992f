package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Reconcilers as separate OS processes (the shaded jar) against one emulator over loopback,
 * sharing one instance through the S3 lease: three at once, and a holder killed mid-apply.
 * The emulator's call listener holds the first mutating call, so the runs are known to overlap
 * without relying on timing.
 */
class ProcessReconcilersIT extends InSandbox {
    private static final String SOURCE_BUCKET = "jobform-manifests";
    private static final ObjectMapper JSON = new ObjectMapper();

    Hooks hooks;

    @BeforeEach
    void start() {
        hooks = sandbox.emulator.hooks();
        sandbox.clients.s3.createBucket(b -> b.bucket(SOURCE_BUCKET));
    }

    @AfterEach
    void stop() {
        hooks.clearCallListener();
    }

    /** Uploads a change set's manifests as the whole S3 source (older keys removed). */
    private void publish(Path dir) throws IOException {
        sandbox.clients.s3.listObjectsV2(b -> b.bucket(SOURCE_BUCKET)).contents()
                .forEach(o -> sandbox.clients.s3.deleteObject(b -> b.bucket(SOURCE_BUCKET).key(o.key())));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                sandbox.clients.s3.putObject(b -> b.bucket(SOURCE_BUCKET).key("jobs/" + f.getFileName()),
                        RequestBody.fromFile(f));
            }
        }
    }

    private JarProcess apply(String name, String... extra) throws IOException {
        List<String> args = new ArrayList<>(JarProcess.apply(SOURCE_BUCKET));
        args.addAll(List.of(extra));
        return JarProcess.start(sandbox, work, name, Optional.empty(), args);
    }

    /** Calls that change AWS resources (the S3 lease, status and inventory writes excluded). */
    private static boolean mutating(String service, String operation) {
        return !service.equals("s3") && Stream.of("Create", "Register", "Put", "Update", "Delete", "Deregister", "Tag")
                .anyMatch(operation::startsWith);
    }

    /**
     * Holds the {@code nth} mutating call (and every later one) until {@code gate} opens, then
     * answers them with {@code then} (empty: let them run).
     */
    private CountDownLatch holdMutatingCalls(int nth, CountDownLatch gate, Optional<Fault> then) {
        CountDownLatch reached = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        hooks.callListener((index, service, operation) -> {
            if (!mutating(service, operation) || seen.incrementAndGet() < nth) {
                return Optional.empty();
            }
            reached.countDown();
            try {
                gate.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return then;
        });
        return reached;
    }

    private long alive(List<JarProcess> runs) {
        return runs.stream().filter(r -> r.process().isAlive()).count();
    }

    @Test
    void threeProcessesAtOnceOneAppliesTheOthersExitSayingTheLeaseIsHeld() throws Exception {
        Path dir = work.resolve("jobs");
        ChangeSet.before(dir);
        publish(dir);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch reached = holdMutatingCalls(1, gate, Optional.empty());

        List<JarProcess> runs = List.of(apply("p1", "--lease-wait-seconds", "2"), apply("p2", "--lease-wait-seconds", "2"),
                apply("p3", "--lease-wait-seconds", "2"));
        assertThat(reached.await(3, TimeUnit.MINUTES)).as("one process reached its first change").isTrue();
        for (int i = 0; i < 1800 && alive(runs) > 1; i++) {
            Thread.sleep(100); // the two contenders give up after their 2-second wait
        }
        assertThat(alive(runs)).as("only the holder is still running").isEqualTo(1);
        gate.countDown();
        hooks.clearCallListener();

        List<JarProcess> appliers = new ArrayList<>();
        for (JarProcess run : runs) {
            int exit = run.exit();
            if (run.text().contains("holds the lease until")) {
                assertThat(exit).as(run.text()).isEqualTo(1);
                assertThat(run.text()).contains("jobform apply: another reconcile (").contains("; exiting, the next "
                        + "reconcile catches up").doesNotContain("change(s) applied").doesNotContain("Exception");
            } else {
                assertThat(exit).as(run.text()).isZero();
                appliers.add(run);
            }
        }
        assertThat(appliers).as("exactly one process applied").hasSize(1);
        assertThat(appliers.get(0).text()).contains(" change(s) applied, 0 failed");
        System.out.printf("processes: holder output%n%s%n", appliers.get(0).text().lines()
                .filter(l -> l.startsWith("Apply:")).findFirst().orElse(""));

        assertThat(hooks.calls("states:CreateStateMachine")).as("each state machine created once").isEqualTo(20);
        assertThat(hooks.calls("scheduler:CreateSchedule")).as("each schedule created once").isEqualTo(20);
        assertThat(hooks.calls("ecs:RegisterTaskDefinition")).as("one revision per family").isEqualTo(20);
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).as("the lease was released").isEmpty();

        JarProcess check = apply("check");
        assertThat(check.exit()).as(check.text()).isZero();
        assertThat(check.text()).contains("Everything is up to date.");
        assertThat(sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines()).hasSize(20);
    }

    @Test
    void aKilledHolderLeavesALeaseThatExpiresAndIsTakenOver() throws Exception {
        Path dir = work.resolve("jobs");
        ChangeSet.before(dir);
        publish(dir);
        JarProcess first = apply("first");
        assertThat(first.exit()).as(first.text()).isZero();
        ChangeSet.after(dir);
        publish(dir);

        // The holder dies after its 5th change: calls from then on hang until it is dead and
        // are then answered with a reset connection, as for a crashed process.
        CountDownLatch dead = new CountDownLatch(1);
        CountDownLatch reached = holdMutatingCalls(5, dead, Optional.of(Fault.CONNECTION_RESET));
        JarProcess holder = apply("holder", "--lease-seconds", "15");
        assertThat(reached.await(3, TimeUnit.MINUTES)).as("the holder made 4 changes").isTrue();
        holder.process().destroyForcibly();
        assertThat(holder.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
        dead.countDown();
        hooks.clearCallListener();

        JsonNode lease = JSON.readTree(sandbox.store.get(StateKeys.DEFAULT.lease()).orElseThrow().body());
        assertThat(lease.path("holder").asText()).as("the dead holder's lease is still there")
                .contains("/" + holder.process().pid() + "/");

        JarProcess contender = apply("contender", "--lease-wait-seconds", "0");
        assertThat(contender.exit()).as(contender.text()).isEqualTo(1);
        assertThat(contender.text()).contains("holds the lease until " + lease.path("expires").asText());
        assertThat(contender.text()).doesNotContain("change(s) applied");

        // Wait for the expiry the lease names (not a timing assertion: the next step needs it).
        Instant expires = Instant.parse(lease.path("expires").asText());
        while (Instant.now().isBefore(expires.plusSeconds(1))) {
            Thread.sleep(200);
        }
        JarProcess successor = apply("successor", "--lease-wait-seconds", "0");
        assertThat(successor.exit()).as(successor.text()).isZero();
        assertThat(successor.text()).contains(" change(s) applied, 0 failed");
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();

        JarProcess check = apply("check");
        assertThat(check.exit()).as(check.text()).isZero();
        assertThat(check.text()).contains("Everything is up to date.");
        List<String> machines = sandbox.clients.sfn.listStateMachines(b -> { }).stateMachines().stream()
                .map(m -> m.name()).sorted().toList();
        List<String> expected = Stream.concat(Stream.iterate(0, i -> i + 1).limit(16), Stream.of(20, 21, 22, 23))
                .map(i -> "jobform-job-%02d".formatted(i)).sorted().toList();
        assertThat(machines).isEqualTo(expected);
        for (String family : List.of("jobform-job-00", "jobform-job-05")) {
            assertThat(sandbox.clients.ecs.listTaskDefinitions(b -> b.familyPrefix(family)).taskDefinitionArns())
                    .as(family + ": only the current revision is ACTIVE").hasSize(1);
        }
        System.out.printf("processes: killed holder pid %d after 4 changes; successor: %s%n", holder.process().pid(),
                successor.text().lines().filter(l -> l.startsWith("Apply:")).findFirst().orElse(""));
    }
}
