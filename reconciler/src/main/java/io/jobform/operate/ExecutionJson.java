package io.jobform.operate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The {@code -o json} form of an execution, the same in run, history, describe and get. */
public final class ExecutionJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private ExecutionJson() {}

    public static ObjectNode of(Execution e, Instant now) {
        ObjectNode out = JSON.createObjectNode();
        out.put("executionArn", e.arn());
        out.put("name", e.name());
        out.put("status", e.status());
        out.put("startDate", e.startDate().toString());
        e.stopDate().ifPresentOrElse(d -> out.put("stopDate", d.toString()), () -> out.putNull("stopDate"));
        out.put("durationSeconds", e.duration(now).toSeconds());
        if (e.input().isPresent()) {
            out.put("startedBy", e.trigger().word());
            TaskResult task = e.taskResult();
            task.exitCode().ifPresentOrElse(c -> out.put("exitCode", c), () -> out.putNull("exitCode"));
            task.stopCode().ifPresent(c -> out.put("stopCode", c));
            task.stoppedReason().ifPresent(r -> out.put("stoppedReason", r));
            e.error().ifPresent(x -> out.put("error", x));
            RunFailure.of(e).ifPresent(f -> {
                out.put("failureClass", f.failureClass().error());
                out.put("failureReason", f.reason());
                f.attempts().ifPresent(n -> out.put("attempts", n));
            });
            out.set("input", parse(e.input().get()));
        } else if (e.name().startsWith(ExecutionNames.MANUAL_PREFIX)) {
            out.put("startedBy", Trigger.MANUAL.word());
        }
        out.put("redriveCount", e.redriveCount());
        out.put("console", ConsoleUrls.execution(e.arn()));
        return out;
    }

    /** The execution's input as JSON (Step Functions only accepts JSON), as text if it is not. */
    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException ex) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
