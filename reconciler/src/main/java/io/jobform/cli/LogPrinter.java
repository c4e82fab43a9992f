package io.jobform.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.operate.JobLogs;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints what {@link JobLogs} reads: in text, a header per attempt and the container's lines
 * (optionally stamped); in json, one object per line (NDJSON), so a follower can be piped.
 */
final class LogPrinter implements JobLogs.Sink {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean json;
    private final boolean timestamps;
    private int lines;

    LogPrinter(PrintWriter out, boolean json, boolean timestamps) {
        this.out = out;
        this.json = json;
        this.timestamps = timestamps;
    }

    @Override
    public void accept(JobLogs.Entry entry) {
        if (json) {
            out.println(json(entry).toString());
        } else {
            if (entry instanceof JobLogs.Entry.Attempt a) {
                out.println("==> attempt " + a.number() + ": task " + a.taskId() + " (log stream " + a.stream() + ") <==");
            } else if (entry instanceof JobLogs.Entry.Line l) {
                out.println(timestamps ? STAMP.format(l.timestamp()) + " " + l.message() : l.message());
            } else if (entry instanceof JobLogs.Entry.Transition t) {
                out.println("--- " + STAMP.format(t.event().timestamp()) + " " + t.event().type()
                        + t.event().state().map(s -> " " + s).orElse(""));
            }
        }
        if (entry instanceof JobLogs.Entry.Line) {
            lines++;
        }
        out.flush();
    }

    int lines() {
        return lines;
    }

    private static ObjectNode json(JobLogs.Entry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (entry instanceof JobLogs.Entry.Attempt a) {
            node.put("type", "attempt").put("attempt", a.number()).put("taskId", a.taskId()).put("logStream", a.stream());
        } else if (entry instanceof JobLogs.Entry.Line l) {
            node.put("type", "line").put("attempt", l.attempt()).put("timestamp", STAMP.format(l.timestamp()))
                    .put("message", l.message());
        } else if (entry instanceof JobLogs.Entry.Transition t) {
            node.put("type", "event").put("event", t.event().type()).put("timestamp", STAMP.format(t.event().timestamp()));
            t.event().state().ifPresent(s -> node.put("state", s));
        }
        return node;
    }
}
