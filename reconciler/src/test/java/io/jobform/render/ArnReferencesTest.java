package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnReferencesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/report:1.4.2, arn:aws:ecr:eu-west-1:123456789012:repository/report",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app@sha256:abc, arn:aws:ecr:us-east-1:123456789012:repository/team/app",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/plain, arn:aws:ecr:us-east-1:123456789012:repository/plain",
            "public.ecr.aws/docker/library/busybox:1.36, none",
            "ghcr.io/example/sync:2, none",
            "busybox, none"})
    void ecrRepositoryOfImage(String image, String expected) {
        assertThat(ArnReferences.ecrRepositoryArn(image, "aws")).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass, arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf:password::, arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass-AbCdEf"})
    void secretResourcesDropJsonKeyAndAllowTheRandomSuffix(String valueFrom, String secretArn) {
        assertThat(ArnReferences.secretResources(valueFrom)).isEqualTo(List.of(secretArn, secretArn + "-??????"));
        assertThat(ArnReferences.isSecretsManager(valueFrom)).isTrue();
        assertThat(ArnReferences.isSsmParameter(valueFrom)).isFalse();
    }
}
