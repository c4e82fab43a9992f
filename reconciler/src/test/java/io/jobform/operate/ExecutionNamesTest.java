package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionNamesTest {

    @Test
    void manualNamesAreValidStepFunctionsNames() {
        String name = ExecutionNames.manual(Instant.parse("2026-11-23T22:15:30.042Z"));
        assertThat(name).isEqualTo("manual-20261123T221530.042Z");
        // StartExecution name: 1..80 chars, none of whitespace < > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /
        assertThat(name).hasSizeLessThanOrEqualTo(80).doesNotContainPattern("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]");
    }

    @Test
    void stateMachineOfAnExecution() {
        assertThat(ExecutionNames.stateMachineArn("arn:aws:states:eu-west-1:123456789012:execution:jobform-a:manual-1"))
                .isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-a");
        assertThat(ExecutionNames.nameOf("arn:aws:states:eu-west-1:123456789012:execution:jobform-a:manual-1"))
                .isEqualTo("manual-1");
        assertThat(ExecutionNames.regionOf("arn:aws:states:eu-west-1:123456789012:execution:jobform-a:x"))
                .isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-a", "manual-1",
            "arn:aws:lambda:eu-west-1:123456789012:function:f:x:y"})
    void rejectsWhatIsNotAnExecutionArn(String arn) {
        assertThatThrownBy(() -> ExecutionNames.stateMachineArn(arn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Step Functions execution ARN");
    }

    @Test
    void consoleLinkOfAnExecution() {
        assertThat(ConsoleUrls.execution("arn:aws:states:eu-west-1:123456789012:execution:jobform-a:manual-1"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1"
                        + "#/v2/executions/details/arn:aws:states:eu-west-1:123456789012:execution:jobform-a:manual-1");
    }
}
