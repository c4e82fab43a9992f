package io.jobform.cli;

import io.jobform.aws.ObjectStore;
import io.jobform.config.StateKeys;
import io.jobform.reconcile.Lease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobform unlock}: removes a lease whose holder is gone, as {@code terraform force-unlock}
 * does. It shows the holder first and asks; the removal is conditional on the lease it showed,
 * so a lease taken meanwhile by a live reconcile is left alone.
 */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Shows who holds the instance's reconcile lease and removes it after confirmation. Use it only "
                + "when that reconcile is no longer running (a lease expires by itself about a minute after its "
                + "holder stops). Exit 0 removed or none held, 1 not removed.")
public final class UnlockCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = {"--force", "--yes", "-y"}, description = "Remove without asking (for scripts).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Engine session = Engine.open(engine, err::println)) {
            String bucket = session.settings.bucket().orElseThrow();
            ObjectStore store = new ObjectStore(session.clients.s3, bucket);
            String key = StateKeys.of(session.settings.instance()).lease();
            String where = "s3://" + bucket + "/" + key;
            Optional<Lease.Current> current = Lease.read(store, key, Clock.systemUTC());
            if (current.isEmpty()) {
                out.println("No lease is held (" + where + ").");
                return ExitCodes.OK;
            }
            Lease.Current lease = current.get();
            out.println("Lease " + where + ":");
            out.println("  holder:   " + lease.held().holder());
            lease.acquired().ifPresent(a -> out.println("  acquired: " + a));
            out.println("  expires:  " + lease.held().expires() + state(lease));
            out.flush();
            if (!force && !confirmed(out)) {
                err.println("jobform unlock: not confirmed; the lease is left in place");
                return ExitCodes.ERROR;
            }
            if (!store.deleteIfMatch(key, lease.etag())) {
                err.println("jobform unlock: the lease changed since it was shown (a reconcile took or renewed it); "
                        + "nothing removed");
                return ExitCodes.ERROR;
            }
            out.println("Lease removed.");
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("jobform unlock: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static String state(Lease.Current lease) {
        if (!lease.stale()) {
            long left = Duration.between(Instant.now(), lease.held().expires()).toSeconds();
            return " (" + left + " s left: the holder may still be running)";
        }
        return lease.held().expires().isAfter(Instant.now()) ? " (too far ahead to be real: stale)"
                : " (expired: the next reconcile takes it over anyway)";
    }

    private static boolean confirmed(PrintWriter out) throws IOException {
        out.print("Remove it? Only do this when that reconcile is no longer running. Type 'yes' to confirm: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.trim().equals("yes");
    }
}
