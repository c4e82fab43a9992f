package io.jobform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An older hashed record names changed fields and their new values, but never environment values or run input. */
class FieldHashesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "containerDefinitions[0].image                | repo/app:2.0                     | repo/app:2.0",
        "containerDefinitions[0].environment[0]       | {\"name\":\"A\",\"value\":\"pw\"} | ",
        "target.Input                                 | {\"bucket\":\"private\"}          | ",
        "definition.States.Run.Parameters.Overrides   | {\"ContainerOverrides\":[{\"Environment\":1}]} | ",
        "definition.TimeoutSeconds                    | 7200                             | 7200",
        "definition.States.Run.InputPath              | $.input                          | ",
    })
    void showsChangedValuesExceptEnvironmentAndInput(String path, String value, String shown) {
        Map<String, String> recorded = FieldHashes.of(Map.of(path, "old"));
        FieldValue after = shown == null ? FieldValue.HIDDEN : new FieldValue.Known(shown);
        assertThat(FieldHashes.diff(Map.of(path, value), recorded))
                .containsExactly(new FieldChange(path, FieldValue.UNKNOWN, after));
    }
}
