package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldDocsTest {
    private final FieldDocs docs = FieldDocs.load();

    @Test
    void aLeafShowsTypeDefaultLimitsAndTheAwsSettingFromTheSchema() {
        FieldDocs.Field tz = docs.explain("schedule.timezone", "ScheduledJob");
        assertThat(tz.path()).isEqualTo("spec.schedule.timezone");
        assertThat(tz.type()).contains("string");
        assertThat(tz.defaultValue()).contains("UTC");
        assertThat(tz.description().orElseThrow()).contains("ScheduleExpressionTimezone");
        FieldDocs.Field jitter = docs.explain("spec.schedule.jitterMinutes", "ScheduledJob");
        assertThat(jitter.limits()).containsExactly("minimum 1", "maximum 1440");
    }

    @Test
    void anObjectListsItsFields() {
        assertThat(docs.explain("container", "ScheduledJob").fields()).extracting(FieldDocs.Child::name)
                .contains("image", "command", "memory");
        assertThat(docs.explain("metadata.name", "ScheduledJob").type()).contains("string");
    }

    @Test
    void anUnknownFieldNamesWhatExistsAndTheNearestName() {
        assertThatThrownBy(() -> docs.explain("container.memry", "ScheduledJob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ScheduledJob has no field spec.container.memry")
                .hasMessageEndingWith("did you mean memory?");
    }
}
