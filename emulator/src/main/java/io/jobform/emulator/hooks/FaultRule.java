package io.jobform.emulator.hooks;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One fault-injection rule for an operation key ({@code service:Operation}, or {@code *} for
 * every call), optionally narrowed to calls whose resource (see {@link Hooks#admit}) matches a
 * regular expression. Either the Nth matching call fails, each matching call fails with a
 * probability drawn from a seeded random source (so a failing run can be replayed), or every
 * matching call fails (a permanent error such as a missing permission).
 */
final class FaultRule {
    private enum Mode { NTH, RANDOM, ALWAYS }

    private final String key;
    private final Optional<Pattern> resource;
    private final Fault fault;
    private final Mode mode;
    private final long nth;
    private final double fraction;
    private final Random random;
    private long seen;

    private FaultRule(String key, Optional<Pattern> resource, Fault fault, Mode mode, long nth, double fraction,
            Random random) {
        this.key = key;
        this.resource = resource;
        this.fault = fault;
        this.mode = mode;
        this.nth = nth;
        this.fraction = fraction;
        this.random = random;
    }

    static FaultRule nth(String key, Optional<String> resource, long nth, Fault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be >= 1");
        }
        return new FaultRule(key, resource.map(Pattern::compile), fault, Mode.NTH, nth, 0, null);
    }

    static FaultRule random(String key, Optional<String> resource, double fraction, long seed, Fault fault) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within 0..1");
        }
        return new FaultRule(key, resource.map(Pattern::compile), fault, Mode.RANDOM, 0, fraction, new Random(seed));
    }

    static FaultRule always(String key, Optional<String> resource, Fault fault) {
        return new FaultRule(key, resource.map(Pattern::compile), fault, Mode.ALWAYS, 0, 0, null);
    }

    synchronized Optional<Fault> apply(String callKey, String callResource) {
        if (!key.equals("*") && !key.equals(callKey)) {
            return Optional.empty();
        }
        if (resource.isPresent() && !resource.get().matcher(callResource).matches()) {
            return Optional.empty();
        }
        seen++;
        boolean fails = switch (mode) {
            case NTH -> seen == nth;
            case RANDOM -> random.nextDouble() < fraction;
            case ALWAYS -> true;
        };
        return fails ? Optional.of(fault) : Optional.empty();
    }
}
