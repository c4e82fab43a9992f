package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The schedule: cron or rate, time zone, window; builds the {@link Schedule} when valid. */
final class ScheduleCheck {

    private ScheduleCheck() {}

    /** The schedule when it is valid; errors are added to {@code findings}. */
    static Optional<Schedule> check(JsonNode schedule, Findings findings) {
        boolean hasCron = schedule.has("cron");
        boolean hasRate = schedule.has("rate");
        Optional<ScheduleExpression> expression = Optional.empty();
        if (hasCron && hasRate) {
            findings.errorAtKey("/spec/schedule/rate", "set either cron or rate, not both");
        } else if (!hasCron && !hasRate) {
            findings.errorAtKey("/spec/schedule", "set cron or rate (omit schedule for an on-demand job)");
        } else if (hasCron) {
            String cron = schedule.path("cron").asText();
            CronTranslator.Translation t = CronTranslator.translate(cron);
            if (t instanceof CronTranslator.Translation.Ok ok) {
                expression = Optional.of(new ScheduleExpression.Cron(cron, ok.awsFields()));
            } else {
                findings.error("/spec/schedule/cron", ((CronTranslator.Translation.Invalid) t).message());
            }
        } else {
            String rate = schedule.path("rate").asText();
            RateParser.problem(rate).ifPresent(message -> findings.error("/spec/schedule/rate", message));
            expression = RateParser.parse(rate).map(r -> r);
        }
        Optional<ZoneId> zone = zone(schedule.path("timezone").asText("UTC"), findings);
        Optional<Instant> start = instant(schedule, "startDate", findings);
        Optional<Instant> end = instant(schedule, "endDate", findings);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            findings.error("/spec/schedule/endDate", "endDate must be after startDate");
        }
        if (expression.isEmpty() || zone.isEmpty() || findings.hasErrors()) {
            return Optional.empty();
        }
        Optional<Integer> jitter = schedule.has("jitterMinutes")
                ? Optional.of(schedule.path("jitterMinutes").asInt()) : Optional.empty();
        return Optional.of(new Schedule(expression.get(), zone.get(), jitter, start, end));
    }

    /** {@link ZoneId#getAvailableZoneIds()} copies the set on every call; a job set asks once per job. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private static Optional<ZoneId> zone(String name, Findings findings) {
        if (!ZONES.contains(name)) {
            findings.error("/spec/schedule/timezone", "unknown time zone '" + name
                    + "'; use an IANA name such as UTC, Europe/Berlin or America/New_York");
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(name));
    }

    private static Optional<Instant> instant(JsonNode schedule, String field, Findings findings) {
        if (!schedule.has(field)) {
            return Optional.empty();
        }
        String text = schedule.path(field).asText();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            findings.error("/spec/schedule/" + field, "'" + text + "' is not an ISO-8601 date-time with offset, "
                    + "e.g. 2026-01-01T00:00:00Z");
            return Optional.empty();
        }
    }
}
