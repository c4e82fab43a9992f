package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.calendar.FargateLimits;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Flag over JOBFORM_* variable over AWS's default, for the three Fargate limits of the peak check. */
class LimitOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // flags                                  | JOBFORM_FARGATE_VCPU_QUOTA | LAUNCH_RATE | vcpu  | spot | rate
        "-                                        | -                          | -           | 6     | 6    | 20",
        "-                                        | 256                        | -           | 256   | 6    | 20",
        "--fargate-vcpu-quota 64                  | 256                        | 50          | 64    | 6    | 50",
        "--fargate-spot-vcpu-quota 12.5           | -                          | -           | 6     | 12.5 | 20",
        "--fargate-launch-rate 40                 | -                          | 50          | 6     | 6    | 40",
    })
    void precedence(String flags, String vcpuEnv, String rateEnv, double vcpu, double spot, int rate) {
        LimitOptions options = new LimitOptions();
        new CommandLine(options).parseArgs(flags == null ? new String[0] : flags.split(" "));
        Map<String, String> env = new java.util.HashMap<>();
        if (vcpuEnv != null) {
            env.put("JOBFORM_FARGATE_VCPU_QUOTA", vcpuEnv);
        }
        if (rateEnv != null) {
            env.put("JOBFORM_FARGATE_LAUNCH_RATE", rateEnv);
        }
        assertThat(options.resolve(env)).isEqualTo(new FargateLimits(vcpu, spot, rate));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "JOBFORM_FARGATE_VCPU_QUOTA      | lots | JOBFORM_FARGATE_VCPU_QUOTA='lots' is not a number",
        "JOBFORM_FARGATE_SPOT_VCPU_QUOTA | 0    | must be positive",
        "JOBFORM_FARGATE_LAUNCH_RATE     | 2.5  | a whole number of at least 1",
    })
    void badValuesAreNamed(String name, String value, String message) {
        LimitOptions options = new LimitOptions();
        new CommandLine(options).parseArgs();
        assertThatThrownBy(() -> options.resolve(Map.of(name, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
