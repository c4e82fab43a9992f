package io.jobform.render.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.CanonicalJson;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken definition must produce the finding that names its defect. */
class AslCheckerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("valid", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""", null),
                Arguments.of("missing Next target", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}""", "missing state 'Nope'"),
                Arguments.of("missing StartAt", """
                        {"StartAt":"X","States":{"A":{"Type":"Succeed"}}}""", "StartAt 'X'"),
                Arguments.of("unreachable", """
                        {"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}""", "B: unreachable"),
                Arguments.of("trap cycle", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""",
                        "no terminal state reachable"),
                Arguments.of("States.ALL not last", """
                        {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,
                        "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"},{"ErrorEquals":["States.Timeout"],"Next":"F"}]},
                        "F":{"Type":"Fail"}}}""", "States.ALL must be alone and last"),
                Arguments.of("unknown error name", """
                        {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,
                        "Retry":[{"ErrorEquals":["States.TaskFaild"]}]}}}""", "'States.TaskFaild' is not AWS-documented"),
                Arguments.of("bad path", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"input","End":true}}}""",
                        "ResultPath is not a valid path"),
                Arguments.of("bad dollar field", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"input.y"},"End":true}}}""",
                        "neither a path nor an intrinsic function"),
                Arguments.of("neither Next nor End", """
                        {"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", "neither Next nor End"),
                Arguments.of("JSONata condition not wrapped", """
                        {"StartAt":"A","States":{"A":{"Type":"Choice","QueryLanguage":"JSONata",
                        "Choices":[{"Condition":"$x > 1","Next":"B"}],"Default":"B"},"B":{"Type":"Succeed"}}}""",
                        "JSONata Condition must be"),
                Arguments.of("map processor checked", """
                        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":
                        {"StartAt":"I","States":{"I":{"Type":"Pass","Next":"Gone"}}}}}}""", "missing state 'Gone'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheDefect(String name, String definition, String expected) {
        var findings = AslChecker.check(CanonicalJson.parse(definition));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).anySatisfy(f -> assertThat(f).contains(expected));
        }
    }
}
