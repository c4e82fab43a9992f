package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.config.InstanceConfig;
import io.jobform.lambda.HandlerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every instance setting the deployment passes to the Lambda function is read by the CLI under the
 * same variable with the same meaning, and a malformed value is refused by both (the CLI with a
 * usage error, the function with a configuration problem) naming the setting: a plan made with
 * the CLI predicts what the function applies.
 */
class ShellSettingsParityTest {
    private static final Map<String, String> BASE = Map.of("JOBFORM_BUCKET", "b", "AWS_REGION", "eu-west-1",
            "JOBFORM_ACCOUNT_ID", "123456789012");

    record Setting(String variable, String value, Function<InstanceConfig, Object> read) {
        @Override
        public String toString() {
            return variable + "=" + value;
        }
    }

    static List<Setting> settings() {
        return List.of(
                new Setting("JOBFORM_INSTANCE", "team-a", InstanceConfig::instance),
                new Setting("JOBFORM_ACCOUNT_ID", "210987654321", InstanceConfig::accountId),
                new Setting("JOBFORM_CLUSTER", "jobs", InstanceConfig::cluster),
                new Setting("JOBFORM_SUBNETS", "subnet-1, subnet-2", c -> c.network().orElseThrow().subnets()),
                new Setting("JOBFORM_SECURITY_GROUPS", "sg-1,sg-2", c -> c.network().orElseThrow().securityGroups()),
                new Setting("JOBFORM_ASSIGN_PUBLIC_IP", "true", c -> c.network().orElseThrow().assignPublicIp()),
                new Setting("JOBFORM_BOUNDARY_ARN", "arn:aws:iam::123456789012:policy/b", c -> c.permissionsBoundaryArn()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void bothShellsReadTheSameValue(Setting setting) {
        Map<String, String> env = new HashMap<>(BASE);
        env.put("JOBFORM_SUBNETS", "subnet-0");
        env.put(setting.variable(), setting.value());
        InstanceConfig lambda = HandlerConfig.fromEnvironment(env).instance();
        InstanceConfig cli = SettingsTest.resolve(env).config("eu-west-1");
        assertThat(setting.read().apply(cli)).isEqualTo(setting.read().apply(lambda));
        Map<String, String> without = new HashMap<>(BASE);
        without.put("JOBFORM_SUBNETS", "subnet-0");
        assertThat(setting.read().apply(cli)).as("the variable changes what is read")
                .isNotEqualTo(setting.read().apply(SettingsTest.resolve(without).config("eu-west-1")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "JOBFORM_INSTANCE, Team_A",
            "JOBFORM_INSTANCE, an-instance-name-over-20",
            "JOBFORM_ACCOUNT_ID, 1234",
            "JOBFORM_ASSIGN_PUBLIC_IP, yes",
            "JOBFORM_MAX_DELETIONS, ' 5'",
            "JOBFORM_MAX_DELETIONS, -1",
            "JOBFORM_MAX_DELETIONS, abc"})
    void bothShellsRefuseAMalformedValueNamingTheSetting(String variable, String value) {
        Map<String, String> env = new HashMap<>(BASE);
        env.put("JOBFORM_SUBNETS", "subnet-0");
        env.put(variable, value);
        assertThat(HandlerConfig.fromEnvironment(env).problems()).singleElement().asString().startsWith(variable);
        assertThatThrownBy(() -> {
            SettingsTest.resolve(env);
            prune().reconcileOptions(env);
        }).hasMessageStartingWith(variable);
    }

    private static PruneOptions prune() {
        PruneOptions options = new PruneOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            PruneOptions prune = options;
        }).parseArgs();
        return options;
    }
}
