package io.jobform.bench;

import io.jobform.aws.AwsClients;
import io.jobform.aws.AwsTarget;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.PropagationRetry;
import io.jobform.aws.RateLimits;
import io.jobform.aws.S3ManifestSource;
import io.jobform.config.InstanceConfig;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.manifest.Network;
import io.jobform.reconcile.Reconciler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An emulator with the instance's bucket and N generated manifests under {@code manifests/},
 * read by the reconciler from S3 as the Lambda reads them. {@code scale} multiplies AWS's
 * published rates on both sides: the emulator's token buckets (which answer throttling errors)
 * and jobform's client-side limits.
 */
public final class BenchSetup implements AutoCloseable {
    public static final String BUCKET = "jobform-bench";
    public static final String PREFIX = "manifests/";
    public static final String BOUNDARY = "arn:aws:iam::123456789012:policy/jobform-boundary";

    public final Emulator emulator;
    public final ObjectStore store;
    private final AwsClients setupClients;
    private final double scale;

    public BenchSetup(double scale) {
        this.scale = scale;
        this.emulator = Emulator.start(EmulatorOptions.defaults());
        this.setupClients = clients();
        this.store = new ObjectStore(setupClients.s3, BUCKET);
        store.createBucketIfMissing();
    }

    public static InstanceConfig config() {
        return new InstanceConfig("jobform", "aws", EmulatorOptions.DEFAULT_REGION, EmulatorOptions.DEFAULT_ACCOUNT,
                "batch", Optional.of(new Network(List.of("subnet-0bench"), List.of("sg-0bench"), false)),
                Optional.of(BOUNDARY));
    }

    /** The same settings as {@link #config()} for a {@code jobform} process. */
    public List<String> cliArguments() {
        return List.of("--endpoint-url", emulator.endpoint().toString(), "--region", EmulatorOptions.DEFAULT_REGION,
                "--account-id", EmulatorOptions.DEFAULT_ACCOUNT, "--bucket", BUCKET, "--cluster", "batch",
                "--subnets", "subnet-0bench", "--security-groups", "sg-0bench", "--boundary-arn", BOUNDARY);
    }

    /** Fresh SDK clients with fresh client-side limits, as a new process would have. */
    public AwsClients clients() {
        return new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()), new RateLimits(scale));
    }

    public Reconciler reconciler(AwsClients clients, Clock clock) {
        ObjectStore bucket = new ObjectStore(clients.s3, BUCKET);
        return new Reconciler(config(), new S3ManifestSource(bucket, PREFIX), bucket, clients, clock, line -> { },
                PropagationRetry.standard());
    }

    public void upload(Map<String, String> files) {
        files.forEach(this::put);
    }

    public void put(String file, String text) {
        store.put(PREFIX + file, text.getBytes(StandardCharsets.UTF_8));
    }

    public void delete(String file) {
        setupClients.s3.deleteObject(b -> b.bucket(BUCKET).key(PREFIX + file));
    }

    /** 10 ms per call and AWS's rate limits at the benchmark's scale, from now on. */
    public void awsLike(Duration latency) {
        emulator.hooks().latency(latency);
        emulator.hooks().enableRateLimits(scale);
    }

    public CallCounts counts() {
        return new CallCounts(emulator.hooks().callCounts(), emulator.hooks().throttleCounts());
    }

    @Override
    public void close() {
        setupClients.close();
        emulator.close();
    }
}
