package io.jobform.cli;

import io.jobform.calendar.FargateLimits;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The account limits the peak check compares with: a flag, else its {@code JOBFORM_*} variable,
 * else AWS's documented default (docs/operations.md, "When jobs fire").
 */
public final class LimitOptions {

    @Option(names = "--fargate-vcpu-quota", paramLabel = "VCPU", description = "The account's Fargate On-Demand vCPU "
            + "quota (default: $JOBFORM_FARGATE_VCPU_QUOTA or AWS's default, 6).")
    Optional<Double> vcpuQuota = Optional.empty();

    @Option(names = "--fargate-spot-vcpu-quota", paramLabel = "VCPU", description = "The account's Fargate Spot vCPU "
            + "quota (default: $JOBFORM_FARGATE_SPOT_VCPU_QUOTA or AWS's default, 6).")
    Optional<Double> spotVcpuQuota = Optional.empty();

    @Option(names = "--fargate-launch-rate", paramLabel = "PER_SECOND", description = "Fargate RunTask calls per "
            + "second (default: $JOBFORM_FARGATE_LAUNCH_RATE or AWS's rate, 20).")
    Optional<Integer> launchRate = Optional.empty();

    /** @throws IllegalArgumentException naming the setting when a value is not a positive number */
    FargateLimits resolve(Map<String, String> env) {
        FargateLimits d = FargateLimits.AWS_DEFAULTS;
        double vcpu = vcpuQuota.orElseGet(() -> number(env, "JOBFORM_FARGATE_VCPU_QUOTA", d.vcpuQuota()));
        double spot = spotVcpuQuota.orElseGet(() -> number(env, "JOBFORM_FARGATE_SPOT_VCPU_QUOTA", d.spotVcpuQuota()));
        double rate = launchRate.map(Integer::doubleValue)
                .orElseGet(() -> number(env, "JOBFORM_FARGATE_LAUNCH_RATE", d.launchRate()));
        if (!(vcpu > 0) || !(spot > 0) || !(rate >= 1) || rate != Math.rint(rate)) {
            throw new IllegalArgumentException("--fargate-vcpu-quota and --fargate-spot-vcpu-quota must be positive and "
                    + "--fargate-launch-rate a whole number of at least 1 (or their JOBFORM_* variables)");
        }
        return new FargateLimits(vcpu, spot, (int) rate);
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String value = Optional.ofNullable(env.get(name)).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a number");
        }
    }
}
