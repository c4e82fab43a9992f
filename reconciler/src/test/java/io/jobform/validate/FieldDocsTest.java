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

    /** Every leaf field of both kinds names the AWS setting it becomes, for explain. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ScheduledJob", "JobDefaults"})
    void everyLeafFieldNamesItsAwsSetting(String kind) throws java.io.IOException {
        java.util.List<String> leaves = new java.util.ArrayList<>();
        try (var in = getClass().getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
            var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            leaves(schema.path("$defs").path(kind), "", leaves);
        }
        assertThat(leaves).hasSizeGreaterThan(kind.equals("ScheduledJob") ? 40 : 20);
        for (String leaf : leaves) {
            assertThat(docs.explain(leaf, kind).aws()).as(kind + " " + leaf).hasValueSatisfying(
                    aws -> assertThat(aws).isNotBlank());
        }
    }

    private static void leaves(com.fasterxml.jackson.databind.JsonNode node, String path, java.util.List<String> out) {
        var properties = node.has("properties") ? node.get("properties") : node.path("items").path("properties");
        if (properties.isMissingNode() || properties.isEmpty()) {
            out.add(path);
            return;
        }
        properties.fields().forEachRemaining(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey()
                : path + "." + e.getKey(), out));
    }

    @Test
    void anImageBecomesTheContainerDefinitionsImage() {
        assertThat(docs.explain("container.image", "ScheduledJob").aws())
                .contains("ECS RegisterTaskDefinition containerDefinitions[].image");
        assertThat(docs.explain("schedule.timezone", "ScheduledJob").aws())
                .contains("EventBridge Scheduler CreateSchedule ScheduleExpressionTimezone");
        assertThat(docs.explain("container", "ScheduledJob").aws()).isEmpty();
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
