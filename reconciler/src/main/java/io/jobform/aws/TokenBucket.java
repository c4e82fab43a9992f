package io.jobform.aws;

/**
 * A token bucket as AWS describes its own throttling: {@code burst} tokens at most, refilled at
 * {@code perSecond}. {@link #acquire()} blocks until a token is free, so callers never exceed
 * the rate and the SDK's retries stay for genuine faults.
 */
final class TokenBucket {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    void acquire() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1; // may go negative: later callers queue behind this one
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1_000_000_000L);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1_000_000_000.0 * perSecond);
        lastNanos = now;
    }
}
