package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The RunTask overrides size against ECS's 8,192 characters (ECS API reference, RunTask overrides). */
class RunTaskOverridesTest {

    @Test
    void countsTheOverridesAsRunTaskReceivesThem() {
        ObjectNode input = CanonicalJson.object().put("bucket", "reports");
        String expected = "{\"containerOverrides\":[{\"environment\":[{\"name\":\"JOB_INPUT\",\"value\":\"{\\\"bucket\\\":\\\"reports\\\"}\"},"
                + "{\"name\":\"JOB_EXECUTION\",\"value\":\"" + "x".repeat(80) + "\"}],\"name\":\"nightly\"}]}";
        assertThat(RunTaskOverrides.size("nightly", input)).isEqualTo(expected.length());
        assertThat(RunTaskOverrides.problem("nightly", input)).isEmpty();
    }

    @Test
    void theLimitIsInclusiveAndQuotesCountTwice() {
        int fixed = RunTaskOverrides.size("job", CanonicalJson.object().put("p", ""));
        String fits = "a".repeat(RunTaskOverrides.LIMIT - fixed);
        assertThat(RunTaskOverrides.size("job", CanonicalJson.object().put("p", fits))).isEqualTo(RunTaskOverrides.LIMIT);
        assertThat(RunTaskOverrides.problem("job", CanonicalJson.object().put("p", fits))).isEmpty();
        assertThat(RunTaskOverrides.problem("job", CanonicalJson.object().put("p", fits + "a"))).get().asString()
                .contains("8193 characters").contains("8192");
        // A quote in the input is escaped twice: once in JOB_INPUT's JSON, once in the request's.
        assertThat(RunTaskOverrides.size("job", CanonicalJson.object().put("p", "\"")) - fixed).isEqualTo(4);
    }
}
