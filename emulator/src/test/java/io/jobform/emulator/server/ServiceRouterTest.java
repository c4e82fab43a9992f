package io.jobform.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRouterTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // authorization scope | x-amz-target | content-type | path | body | service | region
            "AWS4-HMAC-SHA256 Credential=AK/20260101/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=x|-|-|/|-|ecs|eu-west-1",
            "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x|-|-|/|-|iam|us-east-1",
            "AWS4-HMAC-SHA256 Credential=AK/20260101/us-west-2/tagging/aws4_request, SignedHeaders=host, Signature=x|-|-|/|-|tagging|us-west-2",
            "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/scheduler/aws4_request, SignedHeaders=host, Signature=x|-|-|/schedules/x|-|scheduler|us-east-1",
            "-|AWSStepFunctions.CreateStateMachine|application/x-amz-json-1.0|/|{}|states|-",
            "-|AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition|application/x-amz-json-1.1|/|{}|ecs|-",
            "-|ResourceGroupsTaggingAPI_20170126.GetResources|application/x-amz-json-1.1|/|{}|tagging|-",
            "-|-|application/x-www-form-urlencoded; charset=utf-8|/|Action=GetRole&RoleName=x|iam|-",
            "-|-|application/json|/schedule-groups/jobform|-|scheduler|-",
            "-|-|application/json|/tags/arn%3Aaws|-|scheduler|-",
            "-|-|-|/bucket/key|-|s3|-",
    })
    void routesLikeTheAwsFrontDoor(String authorization, String target, String contentType, String path, String body,
                                   String service, String region) {
        Map<String, String> headers = new HashMap<>();
        Optional.ofNullable(authorization).ifPresent(a -> headers.put("authorization", a));
        Optional.ofNullable(target).ifPresent(t -> headers.put("x-amz-target", t));
        Optional.ofNullable(contentType).ifPresent(c -> headers.put("content-type", c));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ServiceRouter.Route route = ServiceRouter.route(headers, path, Map.of(), bytes);
        assertThat(route.service()).isEqualTo(service);
        assertThat(route.region()).isEqualTo(Optional.ofNullable(region));
    }

    @org.junit.jupiter.api.Test
    void presignedUrlCredentialRoutes() {
        ServiceRouter.Route route = ServiceRouter.route(Map.of(), "/bucket/key",
                Map.of("X-Amz-Credential", List.of("AK/20260101/eu-central-1/s3/aws4_request")), new byte[0]);
        assertThat(route).isEqualTo(new ServiceRouter.Route("s3", Optional.of("eu-central-1")));
    }
}
