package io.jobform.emulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How to start an {@link Emulator}. Port 0 picks a free port. The clock drives timestamps,
 * IAM propagation and rate-limit refill, so tests can control time instead of sleeping.
 */
public record EmulatorOptions(
        int port,
        String region,
        String accountId,
        Clock clock,
        Duration iamPropagationDelay,
        int threads) {

    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";

    public EmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535");
        }
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC(), Duration.ZERO, 64);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(newPort, region, accountId, clock, iamPropagationDelay, threads);
    }

    public EmulatorOptions withRegion(String newRegion) {
        return new EmulatorOptions(port, newRegion, accountId, clock, iamPropagationDelay, threads);
    }

    public EmulatorOptions withAccountId(String newAccountId) {
        return new EmulatorOptions(port, region, newAccountId, clock, iamPropagationDelay, threads);
    }

    public EmulatorOptions withClock(Clock newClock) {
        return new EmulatorOptions(port, region, accountId, newClock, iamPropagationDelay, threads);
    }

    public EmulatorOptions withIamPropagationDelay(Duration delay) {
        return new EmulatorOptions(port, region, accountId, clock, delay, threads);
    }

    public EmulatorOptions withThreads(int newThreads) {
        return new EmulatorOptions(port, region, accountId, clock, iamPropagationDelay, newThreads);
    }
}
