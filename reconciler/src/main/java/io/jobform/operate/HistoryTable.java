package io.jobform.operate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** {@code jobform history NAME}: described executions, newest first. */
public final class HistoryTable {
    private HistoryTable() {}

    public static String text(List<Execution> runs, Instant now) {
        if (runs.isEmpty()) {
            return "No runs yet.\n";
        }
        TextTable table = new TextTable(List.of("EXECUTION", "STARTED", "DURATION", "STATUS", "EXIT", "STARTED BY"));
        for (Execution e : runs) {
            TaskResult task = e.taskResult();
            table.row(List.of(e.name(), Durations.utc(e.startDate()),
                    Durations.format(e.duration(now)) + (e.running() ? "+" : ""),
                    e.status() + RunFailure.of(e).map(f -> ": " + f.failureClass().label()).orElse("")
                            + (e.redriveCount() > 0 ? " (redriven " + e.redriveCount() + "x)" : ""),
                    task.exitCode().map(String::valueOf).orElse("-"),
                    e.input().isPresent() ? e.trigger().word() : "-"));
        }
        return table.render();
    }

    public static ObjectNode json(String job, List<Execution> runs, Instant now) {
        ObjectNode out = ExecutionJson.JSON.createObjectNode();
        out.put("job", job);
        ArrayNode list = out.putArray("executions");
        runs.forEach(e -> list.add(ExecutionJson.of(e, now)));
        return out;
    }
}
