package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.operate.OperateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** AWS errors become one line and a kind the CLI maps to its exit code. */
class AwsErrorsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        AccessDeniedException      | 400 | ACCESS_DENIED | no permission for ListExecutions: AccessDeniedException: not authorized
        UnrecognizedClientException| 400 | ACCESS_DENIED | no permission for ListExecutions: UnrecognizedClientException: not authorized
        ExpiredTokenException      | 400 | ACCESS_DENIED | no permission for ListExecutions: ExpiredTokenException: not authorized
        AccessDenied               | 403 | ACCESS_DENIED | no permission for ListExecutions: AccessDenied: not authorized
        StateMachineDoesNotExist   | 400 | NOT_FOUND     | ListExecutions failed: StateMachineDoesNotExist: not authorized
        ThrottlingException        | 400 | FAILED        | ListExecutions failed: ThrottlingException: not authorized
        """)
    void serviceErrors(String code, int status, OperateException.Kind kind, String message) {
        SfnException e = (SfnException) SfnException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("not authorized").build()).build();
        assertThatThrownBy(() -> AwsErrors.translate("ListExecutions", () -> {
            throw e;
        })).isInstanceOfSatisfying(OperateException.class, x -> {
            assertThat(x.kind()).isEqualTo(kind);
            assertThat(x.getMessage()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @CsvSource({"'Unable to execute HTTP request: Connection refused\nmore detail', "
            + "'DescribeExecution failed: Unable to execute HTTP request: Connection refused'"})
    void clientErrorsKeepTheirFirstLine(String text, String message) {
        assertThatThrownBy(() -> AwsErrors.translate("DescribeExecution", () -> {
            throw SdkClientException.create(text);
        })).isInstanceOf(OperateException.class).hasMessage(message);
    }
}
