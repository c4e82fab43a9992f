package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerConfigTest {

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("JOBFORM_BUCKET", "b-manifests", "AWS_REGION", "eu-west-1",
                "JOBFORM_ACCOUNT_ID", "123456789012"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void readsEverySettingTheTemplateSets() {
        HandlerConfig config = HandlerConfig.fromEnvironment(env("JOBFORM_INSTANCE", "team-a", "JOBFORM_CLUSTER", "jobs",
                "JOBFORM_SUBNETS", "subnet-1, subnet-2", "JOBFORM_SECURITY_GROUPS", "sg-1",
                "JOBFORM_BOUNDARY_ARN", "arn:aws:iam::123456789012:policy/jobform/team-a/team-a-boundary",
                "JOBFORM_MANIFEST_PREFIX", "jobs", "JOBFORM_PARTITION", "aws-cn"));
        assertThat(config.problems()).isEmpty();
        assertThat(config.instance().instance()).isEqualTo("team-a");
        assertThat(config.instance().cluster()).isEqualTo("jobs");
        assertThat(config.instance().network().orElseThrow().subnets()).containsExactly("subnet-1", "subnet-2");
        assertThat(config.instance().network().orElseThrow().securityGroups()).containsExactly("sg-1");
        assertThat(config.instance().permissionsBoundaryArn()).isPresent();
        assertThat(config.instance().partition()).isEqualTo("aws-cn");
        assertThat(config.scope()).isEqualTo(new ManifestScope("b-manifests", "jobs/"));
    }

    @Test
    void defaultsMatchTheConventions() {
        HandlerConfig config = HandlerConfig.fromEnvironment(env());
        assertThat(config.instance().instance()).isEqualTo("jobform");
        assertThat(config.scope().prefix()).isEqualTo("manifests/");
        assertThat(config.instance().cluster()).as("none, as in the CLI: a job without one is an error").isEmpty();
        assertThat(config.instance().network()).isEmpty();
        assertThat(config.instance().permissionsBoundaryArn()).isEmpty();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.rateLimitScale()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "JOBFORM_INSTANCE, Jobform, JOBFORM_INSTANCE: instance name 'Jobform' must match",
            "JOBFORM_INSTANCE, a-very-long-instance-name, JOBFORM_INSTANCE: instance name 'a-very-long-instance-name' must match",
            "JOBFORM_BUCKET, '', JOBFORM_BUCKET is not set",
            "AWS_REGION, ' ', AWS_REGION is not set",
            "JOBFORM_ACCOUNT_ID, 1234, JOBFORM_ACCOUNT_ID: the account id must be 12 digits",
            "JOBFORM_RATE_LIMIT_SCALE, fast, JOBFORM_RATE_LIMIT_SCALE must be a number",
            "JOBFORM_RATE_LIMIT_SCALE, 0, JOBFORM_RATE_LIMIT_SCALE must be positive",
            "JOBFORM_ENDPOINT_URL, 'http://bad host', JOBFORM_ENDPOINT_URL is not a URI",
            "JOBFORM_ASSIGN_PUBLIC_IP, yes, JOBFORM_ASSIGN_PUBLIC_IP must be true or false, not 'yes'",
            "JOBFORM_MAX_DELETIONS, ' 5', JOBFORM_MAX_DELETIONS must be a whole number"})
    void problemsAreNamedNotThrown(String name, String value, String problem) {
        assertThat(HandlerConfig.fromEnvironment(env(name, value)).problems())
                .singleElement().asString().startsWith(problem);
    }
}
