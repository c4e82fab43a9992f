package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablesTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void textTableAlignsColumns() {
        String out = new TextTable(List.of("NAME", "X")).row(List.of("a-long-name", "1")).row(List.of("b", "")).render();
        assertThat(out).isEqualTo("NAME          X\na-long-name   1\nb\n");
    }

    @Test
    void historyTableShowsDurationExitCodeAndTrigger() {
        Execution scheduled = execution("0f3c", "SUCCEEDED", "{\"input\":{},\"scheduledTime\":\"2026-11-23T09:00:00Z\"}",
                Optional.of("{\"task\":{\"Containers\":[{\"ExitCode\":0}]}}"), Optional.empty(), 0);
        Execution manual = execution("manual-20261123T093000.000Z", "FAILED", "{\"input\":{}}", Optional.empty(),
                Optional.of("{\"Containers\":[{\"ExitCode\":2}]}"), 1);
        Execution console = new Execution("arn:aws:states:us-east-1:1:execution:m:console-run", "console-run", "RUNNING",
                NOW.minusSeconds(30), Optional.empty(), Optional.of("{}"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty());
        assertThat(HistoryTable.text(List.of(console, manual, scheduled), NOW)).isEqualTo("""
                EXECUTION                     STARTED                DURATION   STATUS                 EXIT   STARTED BY
                console-run                   2026-11-23 09:59:30Z   30s+       RUNNING                -      console/api
                manual-20261123T093000.000Z   2026-11-23 09:00:00Z   3m05s      FAILED (redriven 1x)   2      manual
                0f3c                          2026-11-23 09:00:00Z   3m05s      SUCCEEDED              0      schedule
                """);
        assertThat(HistoryTable.text(List.of(), NOW)).isEqualTo("No runs yet.\n");
    }

    private static Execution execution(String name, String status, String input, Optional<String> output,
            Optional<String> cause, int redrives) {
        return new Execution("arn:aws:states:us-east-1:1:execution:m:" + name, name, status,
                Instant.parse("2026-11-23T09:00:00Z"), Optional.of(Instant.parse("2026-11-23T09:03:05Z")),
                Optional.of(input), output, cause.map(c -> "States.TaskFailed"), cause, redrives, Optional.empty(),
                Optional.empty());
    }
}
