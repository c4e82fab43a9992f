package io.jobform.emulator.ecs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fargate's valid task-level CPU/memory combinations, from the table "Task CPU and memory" in
 * the Amazon ECS Developer Guide (fargate-tasks-services.html#fargate-tasks-size), including
 * the 8 and 16 vCPU sizes (platform version 1.4.0 and later).
 */
final class FargateSizes {
    private static final Pattern VCPU = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*vcpu\\s*$");
    private static final Pattern GB = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*gb\\s*$");
    private static final Pattern UNITS = Pattern.compile("^\\s*(\\d+)\\s*$");

    private FargateSizes() {}

    static boolean valid(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> stepped(memory, 1024, 4096, 1024);
            case 1024 -> stepped(memory, 2048, 8192, 1024);
            case 2048 -> stepped(memory, 4096, 16384, 1024);
            case 4096 -> stepped(memory, 8192, 30720, 1024);
            case 8192 -> stepped(memory, 16384, 61440, 4096);
            case 16384 -> stepped(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    private static boolean stepped(int memory, int min, int max, int step) {
        return memory >= min && memory <= max && (memory - min) % step == 0;
    }

    /** ECS accepts "1024" or "1 vCPU" for cpu and answers with the CPU units. */
    static Optional<Integer> cpuUnits(String value) {
        return parse(value, VCPU, 1024);
    }

    /** ECS accepts "2048" or "2 GB" for memory and answers with MiB. */
    static Optional<Integer> memoryMiB(String value) {
        return parse(value, GB, 1024);
    }

    private static Optional<Integer> parse(String value, Pattern scaled, int factor) {
        Matcher plain = UNITS.matcher(value);
        if (plain.matches()) {
            return Optional.of(Integer.parseInt(plain.group(1)));
        }
        Matcher m = scaled.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return Optional.of((int) Math.round(Double.parseDouble(m.group(1)) * factor));
        }
        return Optional.empty();
    }
}
