package io.jobform.emulator.sfn;

import java.time.Instant;
import java.util.List;

/** Where simulated containers write their output: the emulator's CloudWatch Logs, as the awslogs driver does. */
@FunctionalInterface
public interface ContainerLogs {
    ContainerLogs NONE = (region, group, stream, lines, at) -> { };

    void write(String region, String group, String stream, List<String> lines, Instant at);
}
