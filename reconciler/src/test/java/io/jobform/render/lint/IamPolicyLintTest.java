package io.jobform.render.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.render.CanonicalJson;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IamPolicyLintTest {

    private static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    static Stream<Arguments> permissions() {
        return Stream.of(
                Arguments.of("valid", policy("""
                        {"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}"""), null),
                Arguments.of("star action", policy("""
                        {"Effect":"Allow","Action":"*","Resource":["arn:aws:s3:::b/*"]}"""), "wildcard action '*'"),
                Arguments.of("service star action", policy("""
                        {"Effect":"Allow","Action":["iam:*"],"Resource":["arn:aws:s3:::b/*"]}"""), "wildcard action 'iam:*'"),
                Arguments.of("star resource", policy("""
                        {"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}"""), "resource '*'"),
                Arguments.of("documented star resource", policy("""
                        {"Effect":"Allow","Action":["ecs:DescribeTasks","ecs:StopTask"],"Resource":"*"}"""), null),
                Arguments.of("star resource mixed with other action", policy("""
                        {"Effect":"Allow","Action":["ecs:StopTask","ecs:RunTask"],"Resource":"*"}"""), "resource '*'"),
                Arguments.of("unconditioned PassRole", policy("""
                        {"Effect":"Allow","Action":["iam:PassRole"],"Resource":["arn:aws:iam::123456789012:role/x"]}"""),
                        "iam:PassRole without"),
                Arguments.of("bad version", """
                        {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b"]}]}""",
                        "Version must be"),
                Arguments.of("bad effect", policy("""
                        {"Effect":"allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b"]}"""), "Effect must be"),
                Arguments.of("unknown element", policy("""
                        {"Effect":"Allow","Actions":["s3:GetObject"],"Resource":["arn:aws:s3:::b"]}"""), "unknown element 'Actions'"),
                Arguments.of("deny all but reads", policy("""
                        {"Effect":"Deny","NotAction":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}"""),
                        null),
                Arguments.of("NotAction with Allow", policy("""
                        {"Effect":"Allow","NotAction":["s3:DeleteBucket"],"Resource":["arn:aws:s3:::b"]}"""),
                        "NotAction only with Effect Deny"),
                Arguments.of("malformed arn", policy("""
                        {"Effect":"Allow","Action":["s3:GetObject"],"Resource":["s3://bucket"]}"""), "malformed resource ARN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void lintsPermissions(String name, String json, String expected) {
        var findings = IamPolicyLint.lintPermissions("Role/x", CanonicalJson.parse(json));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).anySatisfy(f -> assertThat(f).contains(expected));
        }
    }

    @Test
    void trustWithoutSourceAccountIsReported() {
        var findings = IamPolicyLint.lintTrust("Role/x", CanonicalJson.parse(policy("""
                {"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}""")));
        assertThat(findings).anySatisfy(f -> assertThat(f).contains("aws:SourceAccount"));
    }

    @Test
    void missingBoundaryIsReported() {
        assertThat(IamPolicyLint.lintBoundary("Role/x", Optional.empty(), Optional.of("arn:aws:iam::1:policy/b")))
                .singleElement().asString().contains("permissions boundary");
        assertThat(IamPolicyLint.lintBoundary("Role/x", Optional.empty(), Optional.empty())).isEmpty();
    }
}
