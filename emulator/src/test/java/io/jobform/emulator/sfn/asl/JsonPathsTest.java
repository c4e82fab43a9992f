package io.jobform.emulator.sfn.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths that name something, and paths that do not (Choice rule IsPresent, "Choice Rules" of the States Language). */
class JsonPathsTest {

    static final JsonNode INPUT = read("{\"gate\":{\"Executions\":[{\"ExecutionArn\":\"a\"}],\"Empty\":null}}");
    static final JsonNode CONTEXT = read("{\"Execution\":{\"Id\":\"a\"}}");

    @ParameterizedTest(name = "{0} present: {1}")
    @CsvSource({
            "$.gate.Executions[0], true",
            "$.gate.Executions[0].ExecutionArn, true",
            "$.gate.Executions[1], false",
            "$.gate.Executions[1].ExecutionArn, false",
            "$.gate.Empty, true",
            "$.gate.NextToken, false",
            "$$.Execution.Id, true",
            "$$.Execution.Name, false"})
    void isPresent(String path, boolean present) {
        assertThat(JsonPaths.present(path, INPUT, CONTEXT)).isEqualTo(present);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"$.gate.Executions[1]", "$.gate.Executions[5].ExecutionArn"})
    void anIndexPastTheEndDoesNotResolve(String path) {
        assertThatThrownBy(() -> JsonPaths.read(path, INPUT, CONTEXT)).isInstanceOf(StatesError.class);
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
