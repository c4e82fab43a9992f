package io.jobform.emulator.hooks;

/** A token bucket's shape: {@code burst} tokens at most, refilled at {@code perSecond}. */
public record RateLimit(double burst, double perSecond) {
    public RateLimit {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1 and perSecond > 0");
        }
    }

    /**
     * The bucket with time running {@code factor} times faster: it refills {@code factor} times
     * as fast, but a burst is a number of calls, not a duration, so it stays as it is.
     */
    public RateLimit scaled(double factor) {
        return new RateLimit(burst, perSecond * factor);
    }
}
