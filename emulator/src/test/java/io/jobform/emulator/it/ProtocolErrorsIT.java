package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wire-level shapes the SDK never sends on its own: unknown operations and request ids. Emulator only. */
class ProtocolErrorsIT extends EndpointTestBase {
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIAEMULATOR/20260101/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    @Test
    void unknownQueryActionIsInvalidAction() {
        emulatorOnly();
        RawHttp.Response r = RawHttp.send(endpoint, "POST", "/", Map.of(
                "Authorization", SIGNED.formatted("iam"),
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), "Action=CreateUser&Version=2010-05-08");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>")
                .contains("<Code>InvalidAction</Code>").contains("<RequestId>");
        assertThat(r.head()).containsIgnoringCase("x-amzn-RequestId:");
    }

    @Test
    void unknownJsonTargetIsUnknownOperation() {
        emulatorOnly();
        RawHttp.Response r = RawHttp.send(endpoint, "POST", "/", Map.of(
                "Authorization", SIGNED.formatted("tagging"),
                "X-Amz-Target", "ResourceGroupsTaggingAPI_20170126.TagResources",
                "Content-Type", "application/x-amz-json-1.1"), "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(r.head()).containsIgnoringCase("x-amzn-RequestId:");
    }

    @Test
    void unsupportedS3OperationIsNotImplemented() {
        emulatorOnly();
        RawHttp.Response r = RawHttp.send(endpoint, "PUT", "/some-bucket/key",
                Map.of("x-amz-copy-source", "/other/key"), null);
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void malformedJsonBodyIsRejected() {
        emulatorOnly();
        RawHttp.Response r = RawHttp.send(endpoint, "POST", "/", Map.of(
                "X-Amz-Target", "ResourceGroupsTaggingAPI_20170126.GetResources",
                "Content-Type", "application/x-amz-json-1.1"), "{not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidParameterException");
    }
}
