package io.jobform.emulator.hooks;

import java.util.Optional;
import java.util.Random;

/**
 * One fault-injection rule for an operation key ({@code service:Operation}, or {@code *} for
 * every call): either the Nth matching call fails, or each call fails with a probability
 * drawn from a seeded random source (so a failing run can be replayed).
 */
final class FaultRule {
    private final String key;
    private final Fault fault;
    private final long nth;
    private final double fraction;
    private final Random random;
    private long seen;

    private FaultRule(String key, Fault fault, long nth, double fraction, Random random) {
        this.key = key;
        this.fault = fault;
        this.nth = nth;
        this.fraction = fraction;
        this.random = random;
    }

    static FaultRule nth(String key, long nth, Fault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be >= 1");
        }
        return new FaultRule(key, fault, nth, 0, null);
    }

    static FaultRule random(String key, double fraction, long seed, Fault fault) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within 0..1");
        }
        return new FaultRule(key, fault, 0, fraction, new Random(seed));
    }

    synchronized Optional<Fault> apply(String callKey) {
        if (!key.equals("*") && !key.equals(callKey)) {
            return Optional.empty();
        }
        seen++;
        if (random != null) {
            return random.nextDouble() < fraction ? Optional.of(fault) : Optional.empty();
        }
        return seen == nth ? Optional.of(fault) : Optional.empty();
    }
}
