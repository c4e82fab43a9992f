package io.jobform.manifest;

/** A schedule as written in the manifest together with the form EventBridge Scheduler accepts. */
public sealed interface ScheduleExpression {

    /** What the manifest said, e.g. {@code 0 2 * * *} or {@code 15m}. */
    String source();

    /** The Scheduler form, e.g. {@code cron(0 2 * * ? *)} or {@code rate(15 minutes)}. */
    String awsExpression();

    /** @param awsFields the six AWS cron fields: minutes hours day-of-month month day-of-week year */
    record Cron(String source, String awsFields) implements ScheduleExpression {
        @Override
        public String awsExpression() {
            return "cron(" + awsFields + ")";
        }
    }

    record Rate(String source, int value, RateUnit unit) implements ScheduleExpression {
        @Override
        public String awsExpression() {
            return "rate(" + value + " " + unit.awsWord(value) + ")";
        }

        /** The fixed time between two runs; Scheduler's day is 24 hours. */
        public java.time.Duration interval() {
            return switch (unit) {
                case MINUTES -> java.time.Duration.ofMinutes(value);
                case HOURS -> java.time.Duration.ofHours(value);
                case DAYS -> java.time.Duration.ofDays(value);
            };
        }
    }

    enum RateUnit {
        MINUTES("minute"), HOURS("hour"), DAYS("day");

        private final String singular;

        RateUnit(String singular) {
            this.singular = singular;
        }

        /** Scheduler wants the singular for 1 ({@code rate(1 hour)}) and the plural otherwise. */
        public String awsWord(int value) {
            return value == 1 ? singular : singular + "s";
        }
    }
}
