package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplainCommandTest {

    /** The AWS mapping is a line of its own, right under the field, as the schema's x-jobform-aws says. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "container.image        | ScheduledJob | ECS RegisterTaskDefinition containerDefinitions[].image",
            "spec.cluster           | JobDefaults  | Step Functions CreateStateMachine definition: RunTask states "
                    + "(arn:aws:states:::ecs:runTask.sync) Cluster",
            "schedule.jitterMinutes | ScheduledJob | EventBridge Scheduler CreateSchedule "
                    + "FlexibleTimeWindow.MaximumWindowInMinutes (Mode FLEXIBLE)"})
    void showsTheAwsSettingOnItsOwnLine(String field, String kind, String aws) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"explain", field, "--kind", kind}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        var lines = out.toString().lines().toList();
        assertThat(lines.get(1)).startsWith("FIELD:    ");
        assertThat(lines.get(2)).isEqualTo("AWS:      " + aws);
    }
}
