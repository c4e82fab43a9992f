package io.jobform.emulator.hooks;

/** A token bucket's shape: {@code burst} tokens at most, refilled at {@code perSecond}. */
public record RateLimit(double burst, double perSecond) {
    public RateLimit {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1 and perSecond > 0");
        }
    }

    public RateLimit scaled(double factor) {
        return new RateLimit(Math.max(1, burst * factor), perSecond * factor);
    }
}
