package io.jobform.emulator.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionCheckerTest {

    static Stream<Arguments> definitions() {
        return Stream.of(
                Arguments.of("minimal pass", "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}", null, null),
                Arguments.of("task with retry and catch",
                        "{'StartAt':'Run','States':{'Run':{'Type':'Task','Resource':'arn:aws:states:::ecs:runTask.sync',"
                                + "'Retry':[{'ErrorEquals':['ECS.AmazonECSException']},{'ErrorEquals':['States.ALL']}],"
                                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Failed'}],'End':true},"
                                + "'Failed':{'Type':'Fail','Error':'JobFailed'}}}", null, null),
                Arguments.of("choice and parallel",
                        "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.x','IsPresent':true,"
                                + "'Next':'P'}],'Default':'Done'},'P':{'Type':'Parallel','Branches':[{'StartAt':'B',"
                                + "'States':{'B':{'Type':'Succeed'}}}],'Next':'Done'},'Done':{'Type':'Succeed'}}}", null, null),
                Arguments.of("not json", "{'StartAt':", "INVALID_JSON_DESCRIPTION", null),
                Arguments.of("empty", "", "MISSING_DESCRIPTION", null),
                Arguments.of("duplicate state", "{'StartAt':'A','States':{'A':{'Type':'Succeed'},'A':{'Type':'Succeed'}}}",
                        "DUPLICATE_STATE_NAME", null),
                Arguments.of("no StartAt", "{'States':{'A':{'Type':'Succeed'}}}", "SCHEMA_VALIDATION_FAILED", "/StartAt"),
                Arguments.of("StartAt unresolved", "{'StartAt':'B','States':{'A':{'Type':'Succeed'}}}",
                        "MISSING_TRANSITION_TARGET", "/StartAt"),
                Arguments.of("no States", "{'StartAt':'A'}", "SCHEMA_VALIDATION_FAILED", "/States"),
                Arguments.of("bad type", "{'StartAt':'A','States':{'A':{'Type':'Sleep','End':true}}}",
                        "SCHEMA_VALIDATION_FAILED", "/States/A/Type"),
                Arguments.of("next unresolved", "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'}}}",
                        "MISSING_TRANSITION_TARGET", "/States/A/Next"),
                Arguments.of("neither next nor end", "{'StartAt':'A','States':{'A':{'Type':'Pass'},'B':{'Type':'Succeed'}}}",
                        "SCHEMA_VALIDATION_FAILED", "/States/A"),
                Arguments.of("default unresolved", "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':"
                        + "'$.x','IsPresent':true,'Next':'D'}],'Default':'X'},'D':{'Type':'Succeed'}}}",
                        "MISSING_TRANSITION_TARGET", "/States/C/Default"),
                Arguments.of("choice next unresolved", "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':"
                        + "'$.x','IsPresent':true,'Next':'X'}],'Default':'D'},'D':{'Type':'Succeed'}}}",
                        "MISSING_TRANSITION_TARGET", "/States/C/Choices[0]/Next"),
                Arguments.of("catch next unresolved", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x',"
                        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'X'}],'End':true}}}",
                        "MISSING_TRANSITION_TARGET", "/States/T/Catch[0]/Next"),
                Arguments.of("resource not a string", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':{'a':1},'End':true}}}",
                        "SCHEMA_VALIDATION_FAILED", "/States/T/Resource"),
                Arguments.of("resource not an arn", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'lambda','End':true}}}",
                        "INVALID_RESOURCE", "/States/T/Resource"),
                Arguments.of("States.ALL not last in retry", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:x',"
                        + "'Retry':[{'ErrorEquals':['States.ALL']},{'ErrorEquals':['E']}],'End':true}}}",
                        "SCHEMA_VALIDATION_FAILED", "/States/T/Retry[0]/ErrorEquals"),
                Arguments.of("States.ALL not alone in catch", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:x',"
                        + "'Catch':[{'ErrorEquals':['E','States.ALL'],'Next':'T'}],'End':true}}}",
                        "SCHEMA_VALIDATION_FAILED", "/States/T/Catch[0]/ErrorEquals"),
                Arguments.of("no terminal state", "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'}}}",
                        "MISSING_END_STATE", "/States"),
                Arguments.of("bad branch", "{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'X',"
                        + "'States':{'B':{'Type':'Succeed'}}}],'End':true}}}",
                        "MISSING_TRANSITION_TARGET", "/States/P/Branches[0]/StartAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void reportsLikeValidateStateMachineDefinition(String name, String definition, String code, String location) {
        var diagnostics = DefinitionChecker.check(definition.replace('\'', '"'));
        if (code == null) {
            assertThat(diagnostics).isEmpty();
        } else {
            assertThat(diagnostics).anySatisfy(d -> {
                assertThat(d.code()).isEqualTo(code);
                if (location != null) {
                    assertThat(d.location()).isEqualTo(location);
                }
            });
        }
    }
}
