package io.jobform.emulator.hooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Test instrumentation of the emulator. Operation keys are {@code service:Operation} with the
 * SigV4 signing name, e.g. {@code ecs:RegisterTaskDefinition}, {@code s3:PutObject}.
 *
 * <p>Per call the server asks {@link #admit} once; the order is: count the call, ask the call
 * listener, apply fault rules, then (when enabled) the rate limit. A fault answered instead of
 * the call is still counted as a call; throttles are also counted separately.
 */
public final class Hooks {
    private final Clock clock;
    private final Consumer<Duration> iamPropagationDelay;
    private final AtomicLong callIndex = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttles = new ConcurrentHashMap<>();
    private final AtomicLong injectedLatencyMillis = new AtomicLong();
    private volatile Duration defaultLatency = Duration.ZERO;
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final AtomicReference<CallListener> listener = new AtomicReference<>();
    private final Map<String, RateLimit> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile boolean rateLimitsEnabled;
    private volatile double rateLimitScale = 1.0;

    private final Duration initialIamPropagationDelay;

    public Hooks(Clock clock, Consumer<Duration> iamPropagationDelay) {
        this(clock, iamPropagationDelay, Duration.ZERO);
    }

    /** {@code initialIamPropagationDelay} is what {@link #reset()} restores. */
    public Hooks(Clock clock, Consumer<Duration> iamPropagationDelay, Duration initialIamPropagationDelay) {
        this.clock = clock;
        this.iamPropagationDelay = iamPropagationDelay;
        this.initialIamPropagationDelay = initialIamPropagationDelay;
        rateLimits.putAll(AwsRateLimits.defaults());
    }

    /** Decides one call that names no resource. */
    public Admission admit(String service, String operation) {
        return admit(service, operation, "");
    }

    /**
     * Decides one call; called by the server before the service runs. {@code resource} is what
     * the call acts on, as fault rules match it: S3 {@code bucket/key} (or the bucket), IAM the
     * role name, ECS the family or task definition, Step Functions and Scheduler the name or
     * ARN, empty when the call names none.
     */
    public Admission admit(String service, String operation, String resource) {
        String key = service + ":" + operation;
        long index = callIndex.incrementAndGet();
        calls.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        Duration latency = latencies.getOrDefault(key, defaultLatency);
        injectedLatencyMillis.addAndGet(latency.toMillis());
        Optional<Fault> fault = Optional.empty();
        CallListener l = listener.get();
        if (l != null) {
            fault = l.onCall(index, service, operation);
        }
        for (FaultRule rule : faults) {
            Optional<Fault> f = rule.apply(key, resource);
            if (fault.isEmpty()) {
                fault = f;
            }
        }
        if (fault.isEmpty() && rateLimitsEnabled && !takeToken(key)) {
            fault = Optional.of(Fault.THROTTLE);
        }
        if (fault.filter(f -> f == Fault.THROTTLE).isPresent()) {
            throttles.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
        return new Admission(index, latency, fault);
    }

    private boolean takeToken(String key) {
        RateLimit limit = rateLimits.get(key);
        if (limit == null) {
            return true;
        }
        double scale = rateLimitScale;
        TokenBucket bucket = buckets.computeIfAbsent(key,
                k -> new TokenBucket(limit.scaled(scale), clock.millis()));
        return bucket.tryTake(clock.millis());
    }

    // ---- counters

    /** Calls of one operation, e.g. {@code calls("ecs:RegisterTaskDefinition")}. */
    public long calls(String key) {
        AtomicLong n = calls.get(key);
        return n == null ? 0 : n.get();
    }

    /** All non-zero call counters, sorted by key. */
    public Map<String, Long> callCounts() {
        return snapshot(calls);
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long throttles(String key) {
        AtomicLong n = throttles.get(key);
        return n == null ? 0 : n.get();
    }

    public Map<String, Long> throttleCounts() {
        return snapshot(throttles);
    }

    /** Sum of the latency injected so far, in milliseconds. */
    public long injectedLatencyMillis() {
        return injectedLatencyMillis.get();
    }

    /** Resets call and throttle counters, the injected-latency sum and the call index. */
    public void resetCounters() {
        calls.clear();
        throttles.clear();
        injectedLatencyMillis.set(0);
        callIndex.set(0);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    // ---- latency

    /** Latency added to every call without an operation-specific latency. */
    public void latency(Duration perCall) {
        defaultLatency = perCall;
    }

    public void latency(String key, Duration perCall) {
        latencies.put(key, perCall);
    }

    public void clearLatency() {
        defaultLatency = Duration.ZERO;
        latencies.clear();
    }

    // ---- rate limits

    /**
     * Turns on AWS's default token buckets (see {@link AwsRateLimits}), with burst and refill
     * multiplied by {@code scale} (e.g. 10 lets a benchmark run ten times faster than AWS).
     */
    public void enableRateLimits(double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be > 0");
        }
        rateLimitScale = scale;
        buckets.clear();
        rateLimitsEnabled = true;
    }

    public void disableRateLimits() {
        rateLimitsEnabled = false;
        buckets.clear();
    }

    public boolean rateLimitsEnabled() {
        return rateLimitsEnabled;
    }

    public double rateLimitScale() {
        return rateLimitScale;
    }

    /** Overrides (or adds) one operation's bucket; the scale factor still applies. */
    public void rateLimit(String key, RateLimit limit) {
        rateLimits.put(key, limit);
        buckets.remove(key);
    }

    public Map<String, RateLimit> rateLimits() {
        return new TreeMap<>(rateLimits);
    }

    // ---- faults

    /** The {@code nth} call (1-based, counted from now) of {@code key} fails with {@code fault}. */
    public void failNth(String key, long nth, Fault fault) {
        faults.add(FaultRule.nth(key, Optional.empty(), nth, fault));
    }

    /** As {@link #failNth(String, long, Fault)}, counting only calls whose resource matches the regex. */
    public void failNth(String key, String resourceRegex, long nth, Fault fault) {
        faults.add(FaultRule.nth(key, Optional.of(resourceRegex), nth, fault));
    }

    /** Each call of {@code key} ({@code *} = every call) fails with probability {@code fraction}. */
    public void failRandomly(String key, double fraction, long seed, Fault fault) {
        faults.add(FaultRule.random(key, Optional.empty(), fraction, seed, fault));
    }

    /** As {@link #failRandomly(String, double, long, Fault)}, for calls whose resource matches the regex. */
    public void failRandomly(String key, String resourceRegex, double fraction, long seed, Fault fault) {
        faults.add(FaultRule.random(key, Optional.of(resourceRegex), fraction, seed, fault));
    }

    /**
     * Every call of {@code key} whose resource matches the regex (whole-string match, e.g.
     * {@code jobform-job-03} or {@code my-bucket/_jobform/status/.*}) fails with {@code fault},
     * until {@link #clearFaults()}: a permanent error such as a missing permission.
     */
    public void failAlways(String key, String resourceRegex, Fault fault) {
        faults.add(FaultRule.always(key, Optional.of(resourceRegex), fault));
    }

    public void clearFaults() {
        faults.clear();
    }

    public void callListener(CallListener callListener) {
        listener.set(callListener);
    }

    public void clearCallListener() {
        listener.set(null);
    }

    // ---- IAM

    /** How long a new or changed role stays unusable by Step Functions and Scheduler. */
    public void iamPropagationDelay(Duration delay) {
        iamPropagationDelay.accept(delay);
    }

    /**
     * Back to a clean slate: counters, latency, faults, listener, default rate limits (off),
     * and the IAM propagation delay the emulator was started with.
     */
    public void reset() {
        resetCounters();
        clearLatency();
        clearFaults();
        clearCallListener();
        disableRateLimits();
        rateLimits.clear();
        rateLimits.putAll(AwsRateLimits.defaults());
        iamPropagationDelay(initialIamPropagationDelay);
    }
}
