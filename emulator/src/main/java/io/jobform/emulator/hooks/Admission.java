package io.jobform.emulator.hooks;

import java.time.Duration;
import java.util.Optional;

/**
 * What the hooks decided for one call: its index, the latency to inject, and the fault to
 * answer instead of running the call ({@code throttled} marks a rate-limit refusal).
 */
public record Admission(long callIndex, Duration latency, Optional<Fault> fault) {}
