package io.jobform.emulator.core;

import java.time.Clock;

/** What every service shares: the account, the clock, and IAM for role checks. */
public record EmulatorContext(String accountId, Clock clock, RoleDirectory roles) {}
