package io.jobform.cli;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.aws.S3ManifestSource;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.reconcile.Reconciler;
import io.jobform.reconcile.Teardown;
import io.jobform.source.DirectoryManifestSource;
import io.jobform.source.ManifestSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One command's connection to AWS (or to the embedded emulator with {@code --local}) and the
 * reconciler built on it. Closing it saves the local emulator's state; so does Ctrl-C (a
 * shutdown hook), so an execution started before it stays in the local history.
 */
final class Engine implements AutoCloseable {
    static final Path LOCAL_STATE = Path.of(".jobform", "local", "emulator-state.json");

    private final Optional<LocalStateLock> lock;
    private final Optional<Emulator> emulator;
    final Settings settings;
    final AwsClients clients;
    final Reconciler reconciler;
    final Teardown teardown;
    final String target;
    private final Optional<Thread> saveOnExit;

    private Engine(Optional<LocalStateLock> lock, Optional<Emulator> emulator, Settings settings, AwsClients clients,
            Reconciler reconciler, Teardown teardown, String target) {
        this.lock = lock;
        this.emulator = emulator;
        this.settings = settings;
        this.clients = clients;
        this.reconciler = reconciler;
        this.teardown = teardown;
        this.target = target;
        this.saveOnExit = emulator.map(e -> new Thread(() -> e.saveState(LOCAL_STATE), "jobform-save-local-state"));
        saveOnExit.ifPresent(Runtime.getRuntime()::addShutdownHook);
    }

    /** The embedded emulator of {@code --local}. */
    Optional<Emulator> emulator() {
        return emulator;
    }

    /**
     * Opens the engine the options and their {@code JOBFORM_*} variables describe.
     *
     * @throws IllegalArgumentException with a message for the user when the configuration is incomplete
     */
    static Engine open(EngineOptions options, Consumer<String> progress) {
        Settings settings = Settings.resolve(options, System.getenv());
        Optional<Emulator> emulator = Optional.empty();
        // Held from before the state is loaded until after it is saved (close).
        Optional<LocalStateLock> lock = options.local
                ? Optional.of(LocalStateLock.acquire(LocalStateLock.FILE, progress)) : Optional.empty();
        AwsTarget target;
        if (options.local) {
            Emulator started = Emulator.start(EmulatorOptions.defaults());
            emulator = Optional.of(started);
            if (Files.exists(LOCAL_STATE)) {
                try {
                    started.loadState(LOCAL_STATE);
                } catch (RuntimeException e) {
                    started.close();
                    lock.ifPresent(LocalStateLock::close);
                    throw new IllegalStateException("the local emulator's state " + LOCAL_STATE + " cannot be read ("
                            + Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage())
                                    .lines().findFirst().orElse("") + "): delete it to start afresh (apply --local "
                            + "recreates the jobs)");
                }
            }
            target = AwsTarget.endpoint(started.endpoint(), settings.region().orElseThrow());
        } else if (options.endpointUrl.isPresent()) {
            target = AwsTarget.endpoint(options.endpointUrl.get(), settings.region().orElse("us-east-1"));
        } else {
            target = AwsTarget.aws(settings.region());
        }
        // The embedded emulator does not throttle: pacing it at AWS's rates would only make --local slow.
        AwsClients clients = new AwsClients(target, options.local ? new RateLimits(100) : RateLimits.published());
        try {
            String bucket = settings.bucket().orElseThrow(() -> new IllegalArgumentException(
                    "no bucket for status and inventory: pass --bucket or set JOBFORM_BUCKET (or try --local)"));
            if (settings.accountId().isEmpty()) {
                throw new IllegalArgumentException("no account id: pass --account-id or set JOBFORM_ACCOUNT_ID "
                        + "(or try --local)");
            }
            ObjectStore store = new ObjectStore(clients.s3, bucket);
            if (options.local) {
                store.createBucketIfMissing();
            }
            ManifestSource source = source(settings.source(), clients);
            Reconciler reconciler = new Reconciler(settings.config(clients.region()), source, store, clients,
                    Clock.systemUTC(), progress, PropagationRetry.standard());
            Teardown teardown = new Teardown(settings.config(clients.region()), source, store, clients,
                    Clock.systemUTC(), progress);
            String where = options.local ? "local emulator (.jobform/local)" : target.endpoint()
                    .map(Object::toString).orElse("AWS " + clients.region());
            return new Engine(lock, emulator, settings, clients, reconciler, teardown, where);
        } catch (RuntimeException e) {
            clients.close();
            emulator.ifPresent(Emulator::close);
            lock.ifPresent(LocalStateLock::close);
            throw e;
        }
    }

    static ManifestSource source(String source, AwsClients clients) {
        if (source.startsWith("s3://")) {
            String[] parts = S3ManifestSource.parse(source);
            return new S3ManifestSource(new ObjectStore(clients.s3, parts[0]), parts[1]);
        }
        return new DirectoryManifestSource(Path.of(source));
    }

    @Override
    public void close() {
        saveOnExit.ifPresent(hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook saves the state itself.
            }
        });
        clients.close();
        try {
            emulator.ifPresent(e -> {
                try {
                    e.saveState(LOCAL_STATE);
                } finally {
                    e.close();
                }
            });
        } finally {
            lock.ifPresent(LocalStateLock::close);
        }
    }
}
