package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutionRefTest {
    static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-nightly-report";

    @ParameterizedTest
    @CsvSource({
        "manual-20261123T225212.012Z, arn:aws:states:eu-west-1:123456789012:execution:jobform-nightly-report:manual-20261123T225212.012Z",
        "arn:aws:states:eu-west-1:123456789012:execution:jobform-nightly-report:abc, arn:aws:states:eu-west-1:123456789012:execution:jobform-nightly-report:abc"
    })
    void aNameOrAnArnOfTheJobBecomesTheArn(String ref, String arn) {
        assertThat(ExecutionRef.resolve(MACHINE, ref)).isEqualTo(arn);
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:states:eu-west-1:123456789012:execution:jobform-other:abc, is not a run of",
        "a/b, not an execution name or ARN",
        "arn:aws:states:eu-west-1:123456789012:stateMachine:jobform-nightly-report, not a Step Functions execution ARN"
    })
    void anotherJobsRunOrANonNameIsRefused(String ref, String message) {
        assertThatThrownBy(() -> ExecutionRef.resolve(MACHINE, ref)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
