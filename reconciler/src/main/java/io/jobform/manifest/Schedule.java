package io.jobform.manifest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** When a job fires: an expression evaluated in {@code timezone}, within an optional window. */
public record Schedule(
        ScheduleExpression expression,
        ZoneId timezone,
        Optional<Integer> jitterMinutes,
        Optional<Instant> startDate,
        Optional<Instant> endDate) {}
