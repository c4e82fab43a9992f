package io.jobform.emulator.hooks;

/** AWS's token-bucket throttle: one token per call, refilled continuously up to the burst. */
final class TokenBucket {
    private final RateLimit limit;
    private double tokens;
    private long lastMillis;

    TokenBucket(RateLimit limit, long nowMillis) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.lastMillis = nowMillis;
    }

    synchronized boolean tryTake(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(limit.burst(), tokens + (nowMillis - lastMillis) * limit.perSecond() / 1000.0);
            lastMillis = nowMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
