package io.jobform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field diffs show what changed, but never environment values or run input. */
class FieldHashesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "containerDefinitions[0].image                | repo/app:2.0                     | repo/app:2.0",
        "containerDefinitions[0].environment[0]       | {\"name\":\"A\",\"value\":\"pw\"} | (changed; value not shown)",
        "target.Input                                 | {\"bucket\":\"private\"}          | (changed; value not shown)",
        "definition.States.Run.Parameters.Overrides   | {\"ContainerOverrides\":[{\"Environment\":1}]} | (changed; value not shown)",
        "definition.TimeoutSeconds                    | 7200                             | 7200",
        "definition.States.Run.InputPath              | $.input                          | (changed; value not shown)",
    })
    void showsChangedValuesExceptEnvironmentAndInput(String path, String value, String shown) {
        Map<String, String> recorded = FieldHashes.of(Map.of(path, "old"));
        assertThat(FieldHashes.diff(Map.of(path, value), recorded)).containsExactly(new FieldDiff(path, shown));
    }
}
