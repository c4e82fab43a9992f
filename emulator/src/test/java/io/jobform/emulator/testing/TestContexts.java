package io.jobform.emulator.testing;

import io.jobform.emulator.core.EmulatorContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A fixed-clock context with the emulator's default account. */
public final class TestContexts {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private TestContexts() {}

    public static EmulatorContext with(FakeRoles roles) {
        return new EmulatorContext("123456789012", Clock.fixed(NOW, ZoneOffset.UTC), roles);
    }
}
