package io.jobform.validate;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/**
 * The AWS six-field cron dialect (EventBridge Scheduler "cron-based schedules"): minutes hours
 * day-of-month month day-of-week year; day-of-week 1-7 with SUN = 1; {@code L}, {@code W} and
 * {@code #}; exactly one of the two day fields is {@code ?}.
 */
final class AwsCron {

    static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL()
                    .supportsQuestionMark().and()
            .withYear().withValidRange(1970, 2199).and()
            .instance();

    private static final CronParser PARSER = new CronParser(DEFINITION);

    private AwsCron() {}

    /** @throws IllegalArgumentException with cron-utils' description when the fields are invalid */
    static Cron parse(String awsFields) {
        return PARSER.parse(awsFields);
    }
}
