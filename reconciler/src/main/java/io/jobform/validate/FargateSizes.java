package io.jobform.validate;

import java.util.Map;
import java.util.Optional;

/**
 * The valid Fargate task cpu/memory pairs, from the task size table of the Amazon ECS Developer
 * Guide (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
 * and the TaskDefinition {@code memory} API reference). 8192 and 16384 CPU need Linux platform
 * version 1.4.0, the current default.
 */
final class FargateSizes {

    record MemoryRange(int min, int max, int step) {
        boolean allows(int memory) {
            return memory >= min && memory <= max && (memory - min) % step == 0;
        }

        String describe() {
            return min == 512 ? "512, 1024 or 2048 MiB" : min + " to " + max + " MiB in steps of " + step;
        }
    }

    private static final Map<Integer, MemoryRange> TABLE = Map.of(
            256, new MemoryRange(512, 2048, 512), // 512, 1024, 2048 (1536 is excluded below)
            512, new MemoryRange(1024, 4096, 1024),
            1024, new MemoryRange(2048, 8192, 1024),
            2048, new MemoryRange(4096, 16384, 1024),
            4096, new MemoryRange(8192, 30720, 1024),
            8192, new MemoryRange(16384, 61440, 4096),
            16384, new MemoryRange(32768, 122880, 8192));

    private FargateSizes() {}

    static Optional<MemoryRange> forCpu(int cpu) {
        return Optional.ofNullable(TABLE.get(cpu));
    }

    /** Empty when valid, otherwise the message. */
    static Optional<String> check(int cpu, int memory) {
        Optional<MemoryRange> range = forCpu(cpu);
        if (range.isEmpty()) {
            return Optional.of("cpu " + cpu + " is not a Fargate size; use 256, 512, 1024, 2048, 4096, 8192 or 16384");
        }
        boolean ok = cpu == 256 ? (memory == 512 || memory == 1024 || memory == 2048) : range.get().allows(memory);
        return ok ? Optional.empty() : Optional.of("memory " + memory + " MiB is not valid with cpu " + cpu
                + ": Fargate allows " + range.get().describe() + " for cpu " + cpu);
    }
}
