package io.jobform.cli;

import io.jobform.aws.SyncTarget;
import io.jobform.config.InstanceConfig;
import io.jobform.sync.LocalFile;
import io.jobform.sync.LocalManifests;
import io.jobform.sync.ManifestCheck;
import io.jobform.sync.S3Location;
import io.jobform.sync.SyncPlan;
import io.jobform.sync.SyncPlanner;
import io.jobform.sync.SyncStore;
import io.jobform.sync.SyncStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform sync DIR s3://bucket/prefix}: validates, then uploads what changed. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Validates the manifests in DIR and uploads the new and changed ones to s3://BUCKET/PREFIX "
                + "(compares MD5 with the object's ETag). Never touches _jobform/. "
                + "Exit 0 ok, 1 error, 2 usage, 3 invalid manifests (nothing uploaded).")
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of manifests (*.yaml, *.yml, recursive).")
    Path dir;

    @Parameters(index = "1", paramLabel = "S3URI", description = "s3://bucket/prefix, e.g. s3://jobform-manifests/manifests/")
    String target;

    @Option(names = "--delete", description = "Delete manifests under the prefix that have no local file.")
    boolean delete;

    @Option(names = "--dry-run", description = "Print what would change, change nothing.")
    boolean dryRun;

    @Option(names = "--allow-empty", description = "Allow --delete to remove every manifest when DIR has none.")
    boolean allowEmpty;

    @Option(names = "--region", description = "AWS region (default: the SDK's region chain).")
    Optional<String> region = Optional.empty();

    @Option(names = "--endpoint-url", description = "S3 endpoint, e.g. a local emulator.")
    Optional<URI> endpoint = Optional.empty();

    @Option(names = "--instance", description = "Instance name manifests are validated for (default: $JOBFORM_INSTANCE or jobform).")
    Optional<String> instance = Optional.empty();

    private final ManifestCheck check;
    private final BiFunction<Optional<String>, Optional<URI>, SyncStore> stores;

    public SyncCommand() {
        this(new ValidatorCheck(java.time.Clock.systemUTC()), SyncTarget::connect);
    }

    /** Tests pass their own check and store (an emulator-backed store in the integration tests). */
    public SyncCommand(ManifestCheck check, BiFunction<Optional<String>, Optional<URI>, SyncStore> stores) {
        this.check = check;
        this.stores = stores;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("jobform sync: " + dir + ": not a directory");
            return ExitCodes.USAGE;
        }
        Optional<S3Location> location = S3Location.parse(target);
        if (location.isEmpty()) {
            err.println("jobform sync: '" + target + "' is not s3://bucket/prefix");
            return ExitCodes.USAGE;
        }
        if (location.get().ownsReconcilerState()) {
            err.println("jobform sync: " + location.get() + " is jobform's own state (_jobform/), not a manifest prefix");
            return ExitCodes.USAGE;
        }
        String instanceName = instance.or(() -> Optional.ofNullable(System.getenv("JOBFORM_INSTANCE")))
                .filter(s -> !s.isBlank()).orElse(InstanceConfig.DEFAULT_INSTANCE);
        ManifestCheck.Result validation = check.check(dir, instanceName);
        validation.lines().forEach(err::println);
        if (!validation.valid()) {
            err.println("jobform sync: refusing to sync " + dir + ": invalid manifests, nothing uploaded");
            return ExitCodes.INVALID_MANIFESTS;
        }
        S3Location to = location.get();
        List<LocalFile> local = LocalManifests.scan(dir, to.prefix());
        SyncStore store = stores.apply(region, endpoint);
        try {
            SyncPlan plan = SyncPlanner.plan(local, store.list(to.bucket(), to.prefix()), delete);
            if (local.isEmpty() && !plan.deletes().isEmpty() && !allowEmpty) {
                err.println("jobform sync: " + dir + " has no manifests; refusing to delete all " + plan.deletes().size()
                        + " under " + to + " (use --allow-empty)");
                return ExitCodes.ERROR;
            }
            return apply(plan, store, to, out);
        } catch (SyncStoreException e) {
            err.println("jobform sync: " + e.getMessage());
            return ExitCodes.ERROR;
        } finally {
            if (store instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private int apply(SyncPlan plan, SyncStore store, S3Location to, PrintWriter out) throws IOException {
        String verb = dryRun ? "would " : "";
        for (SyncPlan.Upload upload : plan.uploads()) {
            out.println(verb + "upload " + upload.file().path() + " -> s3://" + to.bucket() + "/" + upload.file().key()
                    + (upload.isNew() ? " (new)" : " (changed)"));
            if (!dryRun) {
                byte[] content = Files.readAllBytes(upload.file().path());
                String md5 = Base64.getEncoder().encodeToString(LocalManifests.md5(content));
                store.put(to.bucket(), upload.file().key(), content, md5);
            }
        }
        for (String key : plan.deletes()) {
            out.println(verb + "delete s3://" + to.bucket() + "/" + key);
            if (!dryRun) {
                store.delete(to.bucket(), key);
            }
        }
        plan.remoteOnly().forEach(key -> out.println("keep s3://" + to.bucket() + "/" + key + " (no local file; --delete removes it)"));
        out.println((dryRun ? "sync (dry run): " : "sync: ") + plan.uploads().size() + (dryRun ? " to upload, " : " uploaded, ")
                + plan.deletes().size() + (dryRun ? " to delete, " : " deleted, ") + plan.unchanged() + " unchanged");
        return ExitCodes.OK;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing an HTTP client after the work is done cannot change the outcome.
        }
    }
}
