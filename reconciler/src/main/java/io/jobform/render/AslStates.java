package io.jobform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small builders for Amazon States Language fragments (JSONPath). */
final class AslStates {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    /** Raised by the ECS .sync integration for an ECS API error without a modelled name: throttling, no capacity. */
    static final String ECS_EXCEPTION = "ECS.AmazonECSException";
    /** Raised by the ECS .sync integration when RunTask answers with a non-empty Failures list. */
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

    /** A Pass state that puts {@code parameters} (evaluated, {@code .$} keys allowed) at {@code resultPath}. */
    static ObjectNode pass(ObjectNode parameters, String resultPath, String next) {
        ObjectNode state = CanonicalJson.object().put("Type", "Pass");
        state.set("Parameters", parameters);
        return state.put("ResultPath", resultPath).put("Next", next);
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

    /** A Choice rule true when {@code variable} equals one of {@code values}. */
    static ObjectNode stringIn(String variable, List<String> values, String next) {
        ObjectNode rule = CanonicalJson.object();
        if (values.size() == 1) {
            rule.put("Variable", variable).put("StringEquals", values.get(0));
        } else {
            ArrayNode or = rule.putArray("Or");
            values.forEach(v -> or.addObject().put("Variable", variable).put("StringEquals", v));
        }
        return next.isEmpty() ? rule : rule.put("Next", next);
    }

    /** A Choice rule true when the number at {@code variable} equals one of {@code values}. */
    static ObjectNode numberIn(String variable, List<Integer> values, String next) {
        ObjectNode rule = CanonicalJson.object();
        if (values.size() == 1) {
            rule.put("Variable", variable).put("NumericEquals", values.get(0));
        } else {
            ArrayNode or = rule.putArray("Or");
            values.forEach(v -> or.addObject().put("Variable", variable).put("NumericEquals", v));
        }
        return rule.put("Next", next);
    }

    /** Retries for the small Step Functions and SNS API calls. */
    static ArrayNode apiRetry() {
        ArrayNode retry = CanonicalJson.array();
        retry.add(retrier(List.of(ALL), 2, 3, 2.0));
        return retry;
    }
}
