package io.jobform.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluator against IAM's documented evaluation rules, one row per rule. */
class PolicyEvaluatorTest {

    static JsonNode policy(String statements) {
        try {
            return new ObjectMapper().readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace('\'', '"') + "]}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final String ALLOW_S3 = "{'Effect':'Allow','Action':'s3:Get*','Resource':'arn:aws:s3:::b/*'}";
    static final String BOUNDARY_S3 = "{'Effect':'Allow','Action':'s3:*','Resource':'*'}";
    static final AccessRequest GET = AccessRequest.of("s3:GetObject", "arn:aws:s3:::b/k");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("wildcard action, case-insensitive", List.of(ALLOW_S3), null,
                        AccessRequest.of("S3:getobject", "arn:aws:s3:::b/k"), Decision.Outcome.ALLOWED),
                Arguments.of("resource wildcard is case-sensitive", List.of(ALLOW_S3), null,
                        AccessRequest.of("s3:GetObject", "arn:aws:s3:::B/k"), Decision.Outcome.IMPLICIT_DENY),
                Arguments.of("? matches one character", List.of("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/?'}"),
                        null, GET, Decision.Outcome.ALLOWED),
                Arguments.of("explicit deny wins", List.of(ALLOW_S3, "{'Effect':'Deny','Action':'s3:*','Resource':'*'}"), null,
                        GET, Decision.Outcome.EXPLICIT_DENY),
                Arguments.of("NotAction deny spares other actions", List.of(ALLOW_S3,
                        "{'Effect':'Deny','NotAction':'s3:GetObject','Resource':'*'}"), null, GET, Decision.Outcome.ALLOWED),
                Arguments.of("NotAction allow", List.of("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"), null,
                        GET, Decision.Outcome.ALLOWED),
                Arguments.of("NotResource", List.of("{'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::b/*'}"),
                        null, GET, Decision.Outcome.IMPLICIT_DENY),
                Arguments.of("boundary without the action", List.of(ALLOW_S3),
                        "{'Effect':'Allow','Action':'sqs:*','Resource':'*'}", GET, Decision.Outcome.IMPLICIT_DENY),
                Arguments.of("boundary with the action", List.of(ALLOW_S3), BOUNDARY_S3, GET, Decision.Outcome.ALLOWED),
                Arguments.of("deny in the boundary", List.of(ALLOW_S3), BOUNDARY_S3
                        + ",{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}", GET, Decision.Outcome.EXPLICIT_DENY),
                Arguments.of("allow condition key missing from the request", List.of(
                        "{'Effect':'Allow','Action':'ecs:TagResource','Resource':'*','Condition':{'StringEquals':{'ecs:CreateAction':'RunTask'}}}"),
                        null, AccessRequest.of("ecs:TagResource", "arn:x"), Decision.Outcome.IMPLICIT_DENY),
                Arguments.of("allow condition met", List.of(
                        "{'Effect':'Allow','Action':'ecs:TagResource','Resource':'*','Condition':{'StringEquals':{'ecs:CreateAction':'RunTask'}}}"),
                        null, AccessRequest.of("ecs:TagResource", "arn:x").with("ECS:createaction", "RunTask"), Decision.Outcome.ALLOWED),
                Arguments.of("allow with an operator not modelled grants nothing", List.of(
                        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2030-01-01'}}}"),
                        null, GET.with("aws:CurrentTime", "2026-01-01"), Decision.Outcome.IMPLICIT_DENY),
                Arguments.of("deny with an operator not modelled applies", List.of(ALLOW_S3,
                        "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':'x'}}}"),
                        null, GET, Decision.Outcome.EXPLICIT_DENY),
                Arguments.of("deny whose condition is false", List.of(ALLOW_S3,
                        "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}"),
                        null, GET.with("aws:SecureTransport", "true"), Decision.Outcome.ALLOWED),
                Arguments.of("negated operator with the key absent is true", List.of(ALLOW_S3,
                        "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{'StringNotEquals':{'aws:PrincipalTag/team':'a'}}}"),
                        null, GET, Decision.Outcome.EXPLICIT_DENY),
                Arguments.of("IfExists with the key absent is true", List.of(
                        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'StringEqualsIfExists':{'s3:prefix':'a'}}}"),
                        null, GET, Decision.Outcome.ALLOWED),
                Arguments.of("ArnLike compares ARN parts", List.of(
                        "{'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':{'ArnLike':{'iam:AssociatedResourceArn':'arn:aws:states:*:1:stateMachine:*'}}}"),
                        null, AccessRequest.of("iam:PassRole", "arn:r").with("iam:AssociatedResourceArn", "arn:aws:states:us-east-1:1:stateMachine:m"),
                        Decision.Outcome.ALLOWED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void evaluates(String rule, List<String> identity, String boundary, AccessRequest request, Decision.Outcome expected) {
        PolicyEvaluator evaluator = new PolicyEvaluator(identity.stream().map(PolicyEvaluatorTest::policy).toList(),
                Optional.ofNullable(boundary).map(PolicyEvaluatorTest::policy));
        assertThat(evaluator.evaluate(request).outcome()).as(rule).isEqualTo(expected);
    }
}
