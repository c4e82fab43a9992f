package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small builders for Amazon States Language fragments (JSONPath). */
final class AslStates {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    /** Raised by the ECS .sync integration when the ECS API call fails (throttling, start-up errors). */
    static final String ECS_EXCEPTION = "ECS.AmazonECSException";
    /** Raised by the ECS .sync integration when RunTask answers with a non-empty Failures list (e.g. no capacity). */
    static final String ECS_RUN_FAILURES = "AmazonECS.Unknown";

    private AslStates() {}

    static ObjectNode task(String resource, ObjectNode parameters) {
        ObjectNode state = CanonicalJson.object();
        state.put("Type", "Task");
        state.put("Resource", resource);
        state.set("Parameters", parameters);
        return state;
    }

    static ObjectNode succeed(String comment) {
        return CanonicalJson.object().put("Type", "Succeed").put("Comment", comment);
    }

    static ObjectNode retrier(List<String> errors, int intervalSeconds, int maxAttempts, double backoffRate) {
        ObjectNode r = CanonicalJson.object();
        r.set("ErrorEquals", strings(errors));
        r.put("IntervalSeconds", intervalSeconds);
        r.put("MaxAttempts", maxAttempts);
        r.put("BackoffRate", backoffRate);
        return r;
    }

    static ObjectNode catcher(List<String> errors, String resultPath, String next) {
        ObjectNode c = CanonicalJson.object();
        c.set("ErrorEquals", strings(errors));
        c.put("ResultPath", resultPath);
        c.put("Next", next);
        return c;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = CanonicalJson.array();
        values.forEach(array::add);
        return array;
    }

    /** Retries for the small Step Functions API calls of the concurrency gate. */
    static ArrayNode apiRetry() {
        ArrayNode retry = CanonicalJson.array();
        retry.add(retrier(List.of(ALL), 2, 3, 2.0));
        return retry;
    }
}
