package io.jobform.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Log lines as one JSON object per line (CloudWatch Logs Insights reads the fields):
 * {@code timestamp, level, message, instance, job, resource, requestId}. Messages name
 * {@code Kind/name}; they never carry a job's env or input values.
 */
public final class JsonLog {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    private final ObjectMapper json;
    private final PrintStream out;
    private final Clock clock;
    private final String instance;
    private final Optional<String> requestId;

    public JsonLog(ObjectMapper json, PrintStream out, Clock clock, String instance) {
        this(json, out, clock, instance, Optional.empty());
    }

    private JsonLog(ObjectMapper json, PrintStream out, Clock clock, String instance, Optional<String> requestId) {
        this.json = json;
        this.out = out;
        this.clock = clock;
        this.instance = instance;
        this.requestId = requestId;
    }

    /** The same log, stamping every line with the Lambda request id. */
    public JsonLog forRequest(String id) {
        return new JsonLog(json, out, clock, instance, Optional.ofNullable(id));
    }

    public void info(String message) {
        write(Level.INFO, message, Optional.empty(), Optional.empty());
    }

    public void warn(String message) {
        write(Level.WARN, message, Optional.empty(), Optional.empty());
    }

    public void error(String message) {
        write(Level.ERROR, message, Optional.empty(), Optional.empty());
    }

    public void write(Level level, String message, Optional<String> job, Optional<String> resource) {
        ObjectNode line = json.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.put("instance", instance);
        job.ifPresent(j -> line.put("job", j));
        resource.ifPresent(r -> line.put("resource", r));
        requestId.ifPresent(r -> line.put("requestId", r));
        out.println(render(line));
    }

    /** Prints a prepared JSON document (an EMF line) as one line. */
    public void raw(ObjectNode document) {
        out.println(render(document));
    }

    private String render(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // Cannot happen for a tree of plain values; keep the line JSON anyway.
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be written\"}";
        }
    }
}
