package io.jobform.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorRendererTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AWS_JSON_1_0|400|{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"m\"}|application/x-amz-json-1.0",
            "AWS_JSON_1_1|400|{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"m\"}|application/x-amz-json-1.1",
            "REST_JSON|400|{\"Message\":\"m\"}|application/json",
            "QUERY|400|<?xml version=\"1.0\" encoding=\"UTF-8\"?>~<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>StateMachineDoesNotExist</Code><Message>m</Message></Error><RequestId>rid</RequestId></ErrorResponse>|text/xml",
            "REST_XML|400|<?xml version=\"1.0\" encoding=\"UTF-8\"?>~<Error><Code>StateMachineDoesNotExist</Code><Message>m</Message><RequestId>rid</RequestId><HostId>rid</HostId></Error>|application/xml",
    })
    void rendersEachProtocolsErrorShape(Protocol protocol, int status, String body, String contentType) {
        AwsResponse r = ErrorRenderer.render(protocol, new AwsException(400, "StateMachineDoesNotExist", "m"), "rid", false);
        assertThat(r.status()).isEqualTo(status);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(body.replace("~", "\n"));
        assertThat(r.headers()).containsEntry("Content-Type", contentType);
        if (protocol == Protocol.REST_JSON) {
            assertThat(r.headers()).containsEntry("X-Amzn-ErrorType", "StateMachineDoesNotExist");
        }
    }

    @org.junit.jupiter.api.Test
    void receiverFaultsAreMarkedInTheQueryProtocol() {
        AwsResponse r = ErrorRenderer.render(Protocol.QUERY, new AwsException(500, "ServiceFailure", "x"), "rid", false);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<Type>Receiver</Type>");
    }
}
