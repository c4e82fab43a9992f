package io.jobform.it;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.hooks.Hooks;
import io.jobform.reconcile.Lease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease from outside the process: a reconcile stopped by Ctrl-C (SIGINT) or SIGTERM gives
 * its lease back, and {@code jobform unlock} shows a holder and removes the lease only when told.
 */
class LeaseSignalsIT extends InSandbox {
    private static final String SOURCE_BUCKET = "jobform-manifests";

    Hooks hooks;

    @BeforeEach
    void start() throws IOException {
        hooks = sandbox.emulator.hooks();
        sandbox.clients.s3.createBucket(b -> b.bucket(SOURCE_BUCKET));
        try (var files = Files.list(sandbox.manifests)) {
            for (Path f : files.toList()) {
                sandbox.clients.s3.putObject(b -> b.bucket(SOURCE_BUCKET).key("jobs/" + f.getFileName()),
                        software.amazon.awssdk.core.sync.RequestBody.fromFile(f));
            }
        }
    }

    @AfterEach
    void stop() {
        hooks.clearCallListener();
    }

    private JarProcess jobform(String name, Optional<String> stdin, String... args) throws IOException {
        return JarProcess.start(sandbox, work, name, stdin, List.of(args));
    }

    private JarProcess apply(String name) throws IOException {
        return JarProcess.start(sandbox, work, name, Optional.empty(), JarProcess.apply(SOURCE_BUCKET));
    }

    /** Holds every call that creates a resource until {@code gate} opens; {@code reached} counts the first. */
    private CountDownLatch holdCreates(CountDownLatch gate) {
        CountDownLatch reached = new CountDownLatch(1);
        hooks.callListener((index, service, operation) -> {
            if (service.equals("s3") || !(operation.startsWith("Create") || operation.startsWith("Register"))) {
                return Optional.empty();
            }
            reached.countDown();
            try {
                gate.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        });
        return reached;
    }

    private void stoppedMidApplyReleasesTheLease(String signal) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch reached = holdCreates(gate);
        JarProcess holder = apply("holder");
        assertThat(reached.await(3, TimeUnit.MINUTES)).as("the holder is applying").isTrue();
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).as("it holds the lease").isPresent();

        // The shell's own kill: Java can send SIGTERM (Process.destroy) but not SIGINT.
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + holder.process().pid()).start();
        assertThat(kill.waitFor(1, TimeUnit.MINUTES)).isTrue();
        for (int i = 0; i < 600 && sandbox.store.get(StateKeys.DEFAULT.lease()).isPresent(); i++) {
            Thread.sleep(100);
        }
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).as("the lease was given back on " + signal).isEmpty();
        gate.countDown();
        hooks.clearCallListener();
        assertThat(holder.exit()).as(holder.text()).isNotZero();
    }

    @Test
    void sigtermReleasesTheLease() throws Exception {
        stoppedMidApplyReleasesTheLease("TERM");
    }

    @Test
    void ctrlCReleasesTheLease() throws Exception {
        stoppedMidApplyReleasesTheLease("INT");
    }

    private void holdLease(String holder, Instant expires) {
        String body = "{\"holder\":\"" + holder + "\",\"acquired\":\"2026-12-01T10:00:00Z\",\"expires\":\"" + expires + "\"}";
        sandbox.store.put(StateKeys.DEFAULT.lease(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unlockShowsTheHolderAndRemovesTheLeaseOnlyWhenConfirmed() throws Exception {
        JarProcess none = jobform("none", Optional.empty(), "unlock", "--force");
        assertThat(none.exit()).as(none.text()).isZero();
        assertThat(none.text()).contains("No lease is held (s3://jobform-it/_jobform/lease.json).");

        Instant expires = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        holdLease("ci-runner-7/4242/1a2b3c4d\\u001b[31m", expires);

        JarProcess declined = jobform("declined", Optional.of("no\n"), "unlock");
        assertThat(declined.exit()).as(declined.text()).isEqualTo(1);
        assertThat(declined.text()).contains("Lease s3://jobform-it/_jobform/lease.json:",
                "  holder:   ci-runner-7/4242/1a2b3c4d\\u001B[31m", "  acquired: 2026-12-01T10:00:00Z",
                "  expires:  " + expires + " (", " s left: the holder may still be running)",
                "Type 'yes' to confirm: ", "jobform unlock: not confirmed; the lease is left in place");
        assertThat(declined.text()).doesNotContain("\u001b");
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isPresent();

        JarProcess noInput = jobform("no-input", Optional.empty(), "unlock");
        assertThat(noInput.exit()).as(noInput.text()).isEqualTo(1);
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isPresent();

        JarProcess confirmed = jobform("confirmed", Optional.of("yes\n"), "unlock");
        assertThat(confirmed.exit()).as(confirmed.text()).isZero();
        assertThat(confirmed.text()).contains("Lease removed.");
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();

        holdLease("crashed", Instant.now().minus(Duration.ofMinutes(1)));
        JarProcess forced = jobform("forced", Optional.empty(), "unlock", "--force");
        assertThat(forced.exit()).as(forced.text()).isZero();
        assertThat(forced.text()).contains("holder:   crashed", "(expired: the next reconcile takes it over anyway)",
                "Lease removed.").doesNotContain("Type 'yes'");
        assertThat(sandbox.store.get(StateKeys.DEFAULT.lease())).isEmpty();
    }
}
