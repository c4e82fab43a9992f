package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SettingsTest {

    /** The settings the given flags and variables make, as the engine resolves them. */
    static Settings resolve(Map<String, String> env, String... args) {
        EngineOptions options = new EngineOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            EngineOptions engine = options;
        }).parseArgs(args);
        return Settings.resolve(options, env);
    }

    @Test
    void aFlagWinsOverItsVariableWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of("JOBFORM_INSTANCE", "from-env", "JOBFORM_BUCKET", "env-bucket",
                "JOBFORM_SUBNETS", "subnet-a, subnet-b", "AWS_REGION", "eu-west-1");
        Settings both = resolve(env, "--instance", "from-flag");
        assertThat(both.instance()).isEqualTo("from-flag");
        assertThat(both.bucket()).hasValue("env-bucket");
        assertThat(both.region()).hasValue("eu-west-1");
        assertThat(both.network().orElseThrow().subnets()).containsExactly("subnet-a", "subnet-b");
        assertThat(resolve(Map.of()).instance()).isEqualTo("jobform");
        assertThat(resolve(Map.of()).bucket()).isEmpty();
        assertThat(resolve(Map.of(), "--subnets", "s-1,s-2").network().orElseThrow().subnets())
                .containsExactly("s-1", "s-2");
    }

    @Test
    void localFillsInWhatADeploymentWouldProvide() {
        Settings local = resolve(Map.of(), "--local");
        assertThat(local.region()).hasValue("us-east-1");
        assertThat(local.accountId()).hasValue("123456789012");
        assertThat(local.bucket()).hasValue("jobform-local");
        assertThat(local.cluster()).isEqualTo("jobform-local");
        assertThat(local.boundaryArn()).hasValue("arn:aws:iam::123456789012:policy/jobform-boundary");
        assertThat(resolve(Map.of("JOBFORM_BUCKET", "mine"), "--local").bucket()).hasValue("mine");
    }

    @Test
    void partitionFollowsTheRegion() {
        assertThat(List.of("us-east-1", "cn-north-1", "us-gov-west-1").stream().map(Settings::partitionOf))
                .containsExactly("aws", "aws-cn", "aws-us-gov");
        assertThat(Optional.of(resolve(Map.of(), "--local").config("us-east-1").partition())).hasValue("aws");
    }
}
